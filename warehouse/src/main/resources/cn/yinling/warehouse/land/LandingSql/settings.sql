SET autoinstall_known_extensions = false;
SET autoload_known_extensions = false;
SET temp_directory = <temp_directory>;
SET memory_limit = <memory_limit>;
SET preserve_insertion_order = true;
