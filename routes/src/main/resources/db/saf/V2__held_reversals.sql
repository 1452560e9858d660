-- A reversal is written before its card request goes out (HELD), so that a back unit that dies while the
-- request is in flight leaves a reversal behind instead of an authorization nobody will ever undo.
-- An answer cancels it (CANCELLED); no answer, or no back unit left to wait for one, makes it due.

alter table saf.reversal drop constraint reversal_status_check;
alter table saf.reversal add constraint reversal_status_check
    check (status in ('HELD', 'PENDING', 'ACKNOWLEDGED', 'ABANDONED', 'CANCELLED'));

drop index saf.reversal_due;
create index reversal_due on saf.reversal (next_attempt_at) where status in ('HELD', 'PENDING');
