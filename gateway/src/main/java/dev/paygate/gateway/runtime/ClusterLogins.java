package dev.paygate.gateway.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the embedded cluster to password logins at every start, so a data directory from a version that trusted
 * every local user is migrated in place: both roles get their SCRAM passwords, the application role owns the
 * database and everything the superuser had created in it, and {@code pg_hba.conf} then asks every connection,
 * socket or loopback, for a password. Nothing listens beyond loopback.
 */
final class ClusterLogins {

    private static final Logger log = LoggerFactory.getLogger(ClusterLogins.class);
    private static final String HBA_FILE = "pg_hba.conf";
    private static final String HBA = """
            # Written by Paygate at every start: every login needs its SCRAM password (data/keys/database.properties).
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    /** Owner changes for objects the superuser created in the application's database before it had a role. */
    private static final String HAND_OVER_OBJECTS = """
            DO $$
            DECLARE
                item record;
                application_role text := %s;
            BEGIN
                FOR item IN SELECT nspname FROM pg_namespace
                        WHERE nspowner = 'postgres'::regrole AND nspname NOT LIKE 'pg\\_%%' AND nspname <> 'information_schema'
                LOOP
                    EXECUTE format('ALTER SCHEMA %%I OWNER TO %%I', item.nspname, application_role);
                END LOOP;
                FOR item IN SELECT c.oid::regclass AS name,
                        CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                            WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                          AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
                          -- A sequence owned by a column follows its table.
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                          AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %%I', item.kind, item.name, application_role);
                END LOOP;
                FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE p.proowner = 'postgres'::regrole
                          AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
                LOOP
                    EXECUTE format('ALTER ROUTINE %%s OWNER TO %%I', item.name, application_role);
                END LOOP;
            END $$""";

    private ClusterLogins() {
    }

    /**
     * @param postgres started with the superuser's password as connect config (a cluster that still trusts local
     *                 users ignores it, which is how an earlier data directory is migrated)
     */
    static void apply(EmbeddedPostgres postgres, Path clusterDirectory, DatabaseLogins logins, String databaseName)
            throws SQLException, IOException {
        String role = logins.applicationRole();
        DataSource superuser = postgres.getPostgresDatabase();
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            // Utility statements take no bind parameters; DatabaseLogins admits only URL-safe characters.
            statement.execute("ALTER ROLE " + DatabaseLogins.SUPERUSER + " PASSWORD '" + logins.superuserPassword() + "'");
            String roleOptions = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '"
                    + logins.applicationPassword() + "'";
            statement.execute((exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)
                    ? "ALTER ROLE " : "CREATE ROLE ") + role + roleOptions);
            if (exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", databaseName)) {
                statement.execute("ALTER DATABASE " + databaseName + " OWNER TO " + role);
            } else {
                statement.execute("CREATE DATABASE " + databaseName + " OWNER " + role);
                log.info("Created database {} owned by {}", databaseName, role);
            }
        }
        handOverObjects(postgres.getDatabase(DatabaseLogins.SUPERUSER, databaseName), role);
        requirePasswords(superuser, clusterDirectory);
    }

    private static void handOverObjects(DataSource applicationDatabaseAsSuperuser, String role) throws SQLException {
        try (Connection connection = applicationDatabaseAsSuperuser.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(HAND_OVER_OBJECTS.formatted("'" + role + "'"));
        }
    }

    private static void requirePasswords(DataSource superuser, Path clusterDirectory) throws IOException, SQLException {
        Path hba = clusterDirectory.resolve(HBA_FILE);
        if (Files.isRegularFile(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            return;
        }
        Files.writeString(hba, HBA, StandardCharsets.UTF_8);
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        }
        log.info("Embedded PostgreSQL now asks every login for its password (SCRAM)");
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
