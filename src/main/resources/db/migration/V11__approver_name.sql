-- The approver's name as the report shows it ("approved by Jane Doe"), kept with the version at
-- approval so that the version's PDF stays the same when the account's name later changes.
-- Versions approved before this column existed have none: their reports show the username.
alter table assessment_version add column approved_by_name varchar(200);
