-- DE 11 system trace audit numbers: one counter row per network and UTC day, shared by every
-- process that talks to that network, so no two messages of a day carry the same STAN.

create table ledger.stan_counter (
    network   text not null check (length(network) between 1 and 40),
    utc_day   date not null,
    last_stan int  not null check (last_stan between 1 and 999999),
    primary key (network, utc_day)
);
