-- Account names are unique without regard to case: "Case-x" and "case-x" would be two look-alike actors in the audit
-- log (the login throttle already counts names without case). Both databases index the expression.
CREATE UNIQUE INDEX account_username_lower ON account (lower(username));
