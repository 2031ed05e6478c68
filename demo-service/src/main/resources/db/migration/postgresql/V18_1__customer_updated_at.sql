-- Customer auditing (issue 18): Spring Data's @LastModifiedDate sets updated_at at every UPDATE of a customer
-- (and at the INSERT); customers registered before this migration have none until they change.
ALTER TABLE customer ADD COLUMN updated_at TIMESTAMP;
