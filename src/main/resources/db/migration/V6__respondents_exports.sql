-- Bearing schema, version 6: respondents' e-mail addresses (invitations and reminders), when a
-- respondent was last mailed, and when a submitted survey was last reopened by a consultant.

alter table respondent add column email varchar(320);
alter table respondent add column last_mailed_at timestamptz;
alter table respondent add column reopened_at timestamptz;
