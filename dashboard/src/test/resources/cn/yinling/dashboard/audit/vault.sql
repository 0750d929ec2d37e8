-- The PII vault of the audit fixture (vault/person: person_key, id_number, name). The ID numbers are made up for the
-- tests. p-unknown (finding f6) is not in the vault: the register never listed that person.
CREATE TABLE person AS
  SELECT person_key, id_number, name
  FROM (VALUES
    ('p-zhang',  '320302195001011234', '张三'),
    ('p-ouyang', '32030219400303567X', '欧阳娜娜'),
    ('p-li',     '320303193005059012', '李建国'),
    ('p-wang',   '320302193501017771', '王小明'),
    ('p-sima',   '320302192807078882', '司马光'),
    ('p-zhao',   '320303193811113333', '赵六')
  ) AS t(person_key, id_number, name);
