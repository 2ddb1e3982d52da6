-- crmkit customer store, schema version 2 (H2 2.x): no index twice.
-- H2 gives a foreign key an index of its own on exactly the key's columns unless such an index
-- exists when the key is declared. Version 1 declared the keys inside CREATE TABLE, so
-- crm_customer_key and crm_activity each have an index on customer_id for their foreign key
-- besides the one version 1 created; every key and activity row cost one B-tree entry more to
-- insert, commit, merge and erase (a bulk import of customers with five purchases wrote 35 entries
-- per customer instead of 28). The foreign keys' indexes stay; the two of version 1 go.
-- Activities of one customer in a period are now found by customer and filtered by time.
DROP INDEX crm_customer_key_customer;
DROP INDEX crm_activity_customer;
