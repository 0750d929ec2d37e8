-- The order ids of the given service_order batches, each with the file it came from (mapped to its period by the caller).
SELECT order_id AS orderid, filename
FROM read_parquet(string_split(:files, chr(10)), filename = true)
WHERE order_id IS NOT NULL
