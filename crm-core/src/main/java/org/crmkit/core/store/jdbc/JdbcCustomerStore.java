package org.crmkit.core.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.CampaignResponse;
import org.crmkit.core.activity.Complaint;
import org.crmkit.core.activity.Interaction;
import org.crmkit.core.activity.Purchase;
import org.crmkit.core.activity.SatisfactionSurvey;
import org.crmkit.core.activity.ServiceRequest;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Email;
import org.crmkit.core.customer.Phone;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.lifecycle.Lifecycle;
import org.crmkit.core.lifecycle.LifecycleRecord;
import org.crmkit.core.lifecycle.LifecycleRecordJson;
import org.crmkit.core.merge.MergeResult;
import org.crmkit.core.store.ActivitySelection;
import org.crmkit.core.store.AuditEntry;
import org.crmkit.core.store.ChangeEvent;
import org.crmkit.core.store.ChangeListener;
import org.crmkit.core.store.ChangeType;
import org.crmkit.core.store.CustomerQuery;
import org.crmkit.core.store.CustomerStore;
import org.crmkit.core.store.Erasure;
import org.crmkit.core.store.ErasureRecord;
import org.crmkit.core.store.MergeRecord;
import org.crmkit.core.store.StoreStats;
import org.crmkit.core.store.UnknownCustomerException;
import org.crmkit.core.store.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CustomerStore} in a relational database, through nothing but {@code java.sql}: the
 * application brings its {@link DataSource} (and so its driver and pool). H2 and PostgreSQL are
 * supported and tested.
 *
 * <pre>{@code
 * JdbcCustomerStore store = JdbcCustomerStore.builder(dataSource)
 *         .clock(Clock.systemUTC())
 *         .schema(SchemaMode.CREATE)          // apply missing migrations at start (default)
 *         .build();
 * store.create(customer, "rep-ann");
 * List<ChangeEvent> events = store.outbox(0, 100);   // for a search index or data warehouse
 * String ddl = JdbcCustomerStore.migrationSql("postgresql");   // for a DBA who runs it by hand
 * }</pre>
 *
 * <p>Layout: one row per customer with its JSON document (as {@link CrmJson} writes it) and the
 * columns queries filter on (status, grade, classification, last change); e-mail and phone keys
 * in {@code crm_customer_key}; one row per activity; lifecycle records, merges, erasures, the
 * audit trail and the change outbox in tables of their own. Instants are stored as microseconds
 * since the epoch, so a change time is compared at microsecond precision.
 *
 * <p>Concurrency: every write is one transaction that first locks the customer's row
 * ({@code SELECT ... FOR UPDATE}) and checks its version, so two writers, even in two processes,
 * never lose an update: the loser gets {@link VersionConflictException} naming both versions.
 * A merge locks both rows in id order. Recording an activity locks its customer's row too, so it
 * cannot interleave with a removal. Transactions aborted by the database as deadlock victims or
 * serialisation failures are retried up to five times.
 *
 * <p>Change events: each committed change adds a row to {@code crm_outbox} in the same
 * transaction (read it with {@link #outbox}, delete what you processed with
 * {@link #acknowledgeOutbox}); listeners registered on this instance are called after the commit,
 * for changes made through this instance only.
 *
 * <p>Thread-safe: the store holds no connection; each operation borrows one from the data source.
 */
public final class JdbcCustomerStore implements CustomerStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCustomerStore.class);
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final Comparator<Activity> TIME_ORDER =
            Comparator.comparing(Activity::timestamp).thenComparing(Activity::id);
    private static final Map<Class<? extends Activity>, String> KINDS = Map.of(
            Purchase.class, "purchase", Interaction.class, "interaction", CampaignResponse.class, "campaign-response",
            Complaint.class, "complaint", ServiceRequest.class, "service-request",
            SatisfactionSurvey.class, "satisfaction-survey");
    private static final int ATTEMPTS = 5;
    /** Rows per JDBC batch: large enough to save round trips, small enough to bound the driver's buffers. */
    private static final int BATCH = 1_000;
    private static final int MAX_WRITERS = 64;
    /** Ids per {@code IN} list, far below every database's limit on bind parameters. */
    private static final int ID_LIST = 500;
    private static final String CUSTOMER_COLUMNS =
            "id, version, status, grade, cooperation, relationship_level, relationship_type, changed_at, erased, document";

    private final DataSource dataSource;
    private final Clock clock;
    private final Dialect dialect;
    private final CopyOnWriteArrayList<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    private JdbcCustomerStore(Builder b) {
        this.dataSource = b.dataSource;
        this.clock = b.clock;
        try (Connection c = dataSource.getConnection()) {
            this.dialect = b.dialect != null ? b.dialect : Dialect.detect(c.getMetaData());
            Migrations.apply(c, dialect, b.mode, micros(clock.instant()));
        } catch (SQLException e) {
            throw new StoreAccessException("opening the customer store", e);
        }
    }

    /**
     * Starts a builder.
     *
     * @param dataSource where the store's tables are (or will be created), not null
     * @return the builder, never null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Returns the SQL that creates the whole schema, migrations table included, for a DBA who
     * applies it by hand (then open the store with {@link SchemaMode#VALIDATE}).
     *
     * @param database {@code "h2"} or {@code "postgresql"}, not null
     * @return the SQL script, statements ending with semicolons, never null
     * @throws IllegalArgumentException for another database
     */
    public static String migrationSql(String database) {
        return Migrations.sql(Dialect.of(Objects.requireNonNull(database, "database")));
    }

    /** @return the newest schema version this library ships */
    public static int latestSchemaVersion() {
        return Migrations.LATEST;
    }

    /**
     * Returns the newest migration applied to the database.
     *
     * @return the version, 0 if none
     * @throws StoreAccessException if the database cannot be read
     */
    public int schemaVersion() {
        return read("reading the schema version", c -> {
            Map<Integer, String> applied = Migrations.applied(c);
            return applied == null ? 0 : applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        });
    }

    // ---------------------------------------------------------------- customers

    @Override
    public Optional<Customer> find(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return read("finding a customer", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version, document FROM crm_customer WHERE id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(customer(rs.getString(2), rs.getLong(1))) : Optional.<Customer>empty();
                }
            }
        });
    }

    @Override
    public Customer create(Customer customer, String actor) {
        Objects.requireNonNull(customer, "customer");
        String who = actor(actor);
        if (customer.version() != 0) {
            throw new IllegalArgumentException("a new customer must have version 0: " + customer.id() + " has "
                    + customer.version());
        }
        Customer stored = customer.withVersion(1);
        try {
            write("creating a customer", (c, events) -> {
                long now = micros(clock.instant());
                insertCustomers(c, List.of(stored), now);
                audit(c, List.of(new AuditEntry(stored.id(), who, "created", instant(now))));
                events.add(outbox(c, ChangeType.CREATED, stored.id(), 1, now));
                return null;
            });
        } catch (StoreAccessException e) {
            if (isDuplicateKey(e)) {
                long actual = find(customer.id()).map(Customer::version).orElse(0L);
                throw new VersionConflictException(customer.id(), 0, actual);
            }
            throw e;
        }
        return stored;
    }

    @Override
    public Customer update(Customer customer, String actor) {
        Objects.requireNonNull(customer, "customer");
        String who = actor(actor);
        return write("updating a customer", (c, events) -> {
            Customer current = lockCustomer(c, customer.id());
            if (current.version() != customer.version()) {
                throw new VersionConflictException(customer.id(), customer.version(), current.version());
            }
            long now = micros(clock.instant());
            Customer stored = customer.withVersion(current.version() + 1);
            updateCustomer(c, stored, now, false);
            if (!keySet(current).equals(keySet(stored))) {
                replaceKeys(c, stored);
            }
            audit(c, AuditEntry.changes(current, stored, who, instant(now)));
            events.add(outbox(c, ChangeType.UPDATED, stored.id(), stored.version(), now));
            return stored;
        });
    }

    @Override
    public void remove(CustomerId id, long expectedVersion, String actor) {
        Objects.requireNonNull(id, "id");
        String who = actor(actor);
        write("removing a customer", (c, events) -> {
            long version = lockVersion(c, id);
            if (version != expectedVersion) {
                throw new VersionConflictException(id, expectedVersion, version);
            }
            long now = micros(clock.instant());
            deleteCustomer(c, id);
            audit(c, List.of(new AuditEntry(id, who, "removed", instant(now))));
            events.add(outbox(c, ChangeType.REMOVED, id, 0, now));
            return null;
        });
    }

    @Override
    public List<Customer> find(CustomerQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT version, document FROM crm_customer c WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        query.after().ifPresent(a -> {
            sql.append(" AND id > ?");
            args.add(a.value());
        });
        query.status().ifPresent(s -> {
            sql.append(" AND status = ?");
            args.add(s.name());
        });
        query.grade().ifPresent(g -> {
            sql.append(" AND grade = ?");
            args.add(g.name());
        });
        query.cooperation().ifPresent(v -> {
            sql.append(" AND cooperation = ?");
            args.add(v.name());
        });
        query.relationshipLevel().ifPresent(v -> {
            sql.append(" AND relationship_level = ?");
            args.add(v.name());
        });
        query.relationshipType().ifPresent(v -> {
            sql.append(" AND relationship_type = ?");
            args.add(v.name());
        });
        query.changedSince().ifPresent(t -> {
            sql.append(" AND changed_at >= ?");
            args.add(micros(t));
        });
        query.email().ifPresent(e -> {
            sql.append(" AND EXISTS (SELECT 1 FROM crm_customer_key k WHERE k.customer_id = c.id AND k.kind = 'email'"
                    + " AND k.key_value = ?)");
            args.add(e);
        });
        query.phone().ifPresent(p -> {
            sql.append(" AND EXISTS (SELECT 1 FROM crm_customer_key k WHERE k.customer_id = c.id AND k.kind = 'phone'"
                    + " AND k.key_value = ?)");
            args.add(p);
        });
        sql.append(" ORDER BY id FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        return read("querying customers", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<Customer> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(customer(rs.getString(2), rs.getLong(1)));
                    }
                }
                return page;
            }
        });
    }

    /**
     * Stores many new customers and their activities in one transaction with batched statements;
     * the fast path for an initial load. Every customer must have version 0 and is stored with
     * version 1; each activity must belong to a customer of the batch or one already stored.
     * One CREATED event per customer (none per activity) goes to the outbox and, after the
     * commit, to this instance's listeners; one "created" audit entry per customer goes to the
     * audit trail. For a large load where one transaction per
     * chunk is enough, {@link #importInChunks} is faster (on H2 the database revisits every row
     * of a transaction at commit, and small transactions keep those rows in its cache).
     *
     * @param customers the new customers, not null
     * @param activities their activities, not null
     * @param actor who imports, not blank
     * @throws IllegalArgumentException if a customer's version is not 0
     * @throws VersionConflictException if a customer id is already stored (nothing is stored then)
     * @throws org.crmkit.core.activity.FutureTimestampException if an activity is dated after the clock
     */
    public void importAll(Collection<Customer> customers, Collection<? extends Activity> activities, String actor) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(activities, "activities");
        String who = actor(actor);
        List<Customer> stored = new ArrayList<>(customers.size());
        for (Customer customer : customers) {
            Objects.requireNonNull(customer, "customers must not contain null");
            if (customer.version() != 0) {
                throw new IllegalArgumentException("a new customer must have version 0: " + customer.id() + " has "
                        + customer.version());
            }
            stored.add(customer.withVersion(1));
        }
        for (Activity a : activities) {
            Objects.requireNonNull(a, "activities must not contain null").requireNotAfter(clock);
        }
        try {
            write("importing customers", (c, events) -> {
                importAndPublish(c, stored, activities, who, events);
                return null;
            });
        } catch (StoreAccessException e) {
            if (isDuplicateKey(e)) {
                for (Customer s : stored) {
                    Optional<Customer> existing = find(s.id());
                    if (existing.isPresent()) {
                        throw new VersionConflictException(s.id(), 0, existing.get().version());
                    }
                }
            }
            throw e;
        }
    }

    /**
     * Stores many new customers and their activities in chunks of {@code chunkSize} customers,
     * each chunk one transaction with its customers' activities, audit and outbox rows: the bulk
     * mode for a large initial load, which keeps the database's transaction small. Unlike
     * {@link #importAll} it is not all-or-nothing: when chunk {@code k} fails, chunks before it
     * stay committed, chunk {@code k} is rolled back and the {@link PartialImportException}
     * carries the report of what was committed. The import is re-runnable: a customer whose id
     * is already stored is left as it is (it is not compared), its activities of this call are
     * not written, and its id is listed in {@link ImportReport#skipped()}; so running the same
     * import again after a failure stores exactly what is missing. A caller for whom an existing
     * id is an error checks that list.
     *
     * <p>Each chunk's CREATED events reach this instance's listeners after that chunk's commit.
     *
     * <p>All input is checked before the first chunk is written: versions are 0, ids are
     * distinct, every activity belongs to a customer of this call, no activity is dated after
     * the clock.
     *
     * @param customers the new customers, not null
     * @param activities their activities, each of a customer in {@code customers}, not null
     * @param actor who imports, not blank
     * @param chunkSize customers per transaction, 1 to 100,000
     * @return what was committed and what was skipped, never null
     * @throws IllegalArgumentException if a customer's version is not 0, an id occurs twice, an
     *     activity belongs to no customer of the call, or the chunk size is out of range
     * @throws org.crmkit.core.activity.FutureTimestampException if an activity is dated after the clock
     * @throws PartialImportException if a chunk fails; its report says what was committed
     */
    public ImportReport importInChunks(Collection<Customer> customers, Collection<? extends Activity> activities,
            String actor, int chunkSize) {
        return importInChunks(customers, activities, actor, chunkSize, 1);
    }

    /**
     * {@link #importInChunks(Collection, Collection, String, int)} with up to {@code writers}
     * chunks written at the same time, each on its own connection of the DataSource and in its
     * own transaction, by threads this call starts and ends (daemon threads named
     * {@code crm-import-N}); with 1 the chunks are written in order on the calling thread. Chunks
     * hold disjoint customers, so concurrent chunks never write the same row. On an embedded H2
     * database on two cores, two writers keep both cores busy (one writer leaves the second
     * core to H2's page writer only); the DataSource must hand out at least {@code writers}
     * connections at once.
     *
     * <p>When a chunk fails, no further chunk is started, the chunks in flight finish, and the
     * {@link PartialImportException}'s report counts every chunk that committed (with more
     * than one writer these need not be the first ones); a re-run stores exactly what is
     * missing, as above. Listeners are called on the thread that committed the chunk.
     *
     * @param customers the new customers, not null
     * @param activities their activities, each of a customer in {@code customers}, not null
     * @param actor who imports, not blank
     * @param chunkSize customers per transaction, 1 to 100,000
     * @param writers chunks written at once, 1 to 64
     * @return what was committed and what was skipped, never null
     * @throws IllegalArgumentException if a customer's version is not 0, an id occurs twice, an
     *     activity belongs to no customer of the call, or the chunk size or writers are out of range
     * @throws org.crmkit.core.activity.FutureTimestampException if an activity is dated after the clock
     * @throws PartialImportException if a chunk fails; its report says what was committed
     */
    public ImportReport importInChunks(Collection<Customer> customers, Collection<? extends Activity> activities,
            String actor, int chunkSize, int writers) {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(activities, "activities");
        String who = actor(actor);
        if (chunkSize < 1 || chunkSize > CustomerQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("chunk size must be 1 to " + CustomerQuery.MAX_LIMIT + ": " + chunkSize);
        }
        if (writers < 1 || writers > MAX_WRITERS) {
            throw new IllegalArgumentException("writers must be 1 to " + MAX_WRITERS + ": " + writers);
        }
        Map<CustomerId, List<Activity>> byCustomer = new LinkedHashMap<>(customers.size() * 2);
        List<Customer> stored = new ArrayList<>(customers.size());
        for (Customer customer : customers) {
            Objects.requireNonNull(customer, "customers must not contain null");
            if (customer.version() != 0) {
                throw new IllegalArgumentException("a new customer must have version 0: " + customer.id() + " has "
                        + customer.version());
            }
            if (byCustomer.putIfAbsent(customer.id(), new ArrayList<>()) != null) {
                throw new IllegalArgumentException("customer id " + customer.id() + " occurs twice in the import");
            }
            stored.add(customer.withVersion(1));
        }
        for (Activity a : activities) {
            Objects.requireNonNull(a, "activities must not contain null").requireNotAfter(clock);
            List<Activity> own = byCustomer.get(a.customerId());
            if (own == null) {
                throw new IllegalArgumentException("activity " + a.id() + " belongs to customer " + a.customerId()
                        + ", who is not in the import");
            }
            own.add(a);
        }
        int count = (stored.size() + chunkSize - 1) / chunkSize;
        ImportProgress progress = new ImportProgress();
        IntFunction<Chunk> writeChunk = k -> {
            List<Customer> chunk = stored.subList(k * chunkSize, Math.min(stored.size(), (k + 1) * chunkSize));
            return write("importing a chunk of customers", (c, events) -> {
                Set<CustomerId> existing = existingIds(c, chunk);
                List<Customer> fresh = new ArrayList<>(chunk.size());
                List<Activity> theirs = new ArrayList<>();
                List<CustomerId> left = new ArrayList<>();
                for (Customer s : chunk) {
                    if (existing.contains(s.id())) {
                        left.add(s.id());
                    } else {
                        fresh.add(s);
                        theirs.addAll(byCustomer.get(s.id()));
                    }
                }
                importAndPublish(c, fresh, theirs, who, events);
                return new Chunk(fresh.size(), theirs.size(), left);
            });
        };
        if (writers == 1 || count <= 1) {
            for (int k = 0; k < count; k++) {
                try {
                    progress.add(writeChunk.apply(k));
                } catch (RuntimeException e) {
                    throw new PartialImportException(progress.report(), e);
                }
            }
            return progress.report();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            while (failure.get() == null) {
                int k = next.getAndIncrement();
                if (k >= count) {
                    return;
                }
                try {
                    progress.add(writeChunk.apply(k));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    return;
                }
            }
        };
        int threads = Math.min(writers, count);
        Thread[] started = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            started[i] = new Thread(worker, "crm-import-" + (i + 1));
            started[i].setDaemon(true);
            started[i].start();
        }
        boolean interrupted = false;
        for (Thread t : started) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the writers finish their chunks; the flag is restored below
                    failure.compareAndSet(null, new IllegalStateException("the import was interrupted"));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw new PartialImportException(progress.report(), failure.get());
        }
        return progress.report();
    }

    /** What the chunks of one import committed so far; chunks may report from several threads. */
    private static final class ImportProgress {
        private int customers;
        private long activities;
        private int chunks;
        private final List<CustomerId> skipped = new ArrayList<>();

        synchronized void add(Chunk chunk) {
            customers += chunk.customers;
            activities += chunk.activities;
            chunks++;
            skipped.addAll(chunk.skipped);
        }

        synchronized ImportReport report() {
            return new ImportReport(customers, activities, chunks, skipped);
        }
    }

    // ---------------------------------------------------------------- activities

    @Override
    public void record(Activity activity) {
        Objects.requireNonNull(activity, "activity");
        activity.requireNotAfter(clock);
        write("recording an activity", (c, events) -> {
            long version = lockVersion(c, activity.customerId());
            upsertActivity(c, activity);
            events.add(outbox(c, ChangeType.ACTIVITY_RECORDED, activity.customerId(), version, micros(clock.instant())));
            return null;
        });
    }

    @Override
    public <A extends Activity> List<A> activitiesOf(CustomerId id, Class<A> type, Instant from, Instant to) {
        Objects.requireNonNull(id, "id");
        ActivitySelection<A> selection = new ActivitySelection<>(type, from, to);
        String kind = KINDS.get(type);
        String sql = "SELECT document FROM crm_activity WHERE customer_id = ? AND occurred_at >= ? AND occurred_at <= ?"
                + (kind != null ? " AND kind = ?" : "");
        List<A> list = read("reading activities", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id.value());
                ps.setLong(2, micros(from));
                ps.setLong(3, micros(to));
                if (kind != null) {
                    ps.setString(4, kind);
                }
                List<A> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Activity a = activity(rs.getString(1));
                        if (selection.includes(a)) {
                            found.add(type.cast(a));
                        }
                    }
                }
                return found;
            }
        });
        list.sort(TIME_ORDER);
        return List.copyOf(list);
    }

    // ---------------------------------------------------------------- merges

    @Override
    public Customer merge(MergeResult result, long mergedAwayVersion, String actor) {
        Objects.requireNonNull(result, "result");
        String who = actor(actor);
        CustomerId survivorId = result.customer().id();
        CustomerId awayId = result.mergedAwayId();
        return write("merging customers", (c, events) -> {
            Customer survivor;
            long awayVersion;
            if (survivorId.compareTo(awayId) < 0) {
                survivor = lockCustomer(c, survivorId);
                awayVersion = lockVersion(c, awayId);
            } else {
                awayVersion = lockVersion(c, awayId);
                survivor = lockCustomer(c, survivorId);
            }
            if (survivor.version() != result.customer().version()) {
                throw new VersionConflictException(survivorId, result.customer().version(), survivor.version());
            }
            if (awayVersion != mergedAwayVersion) {
                throw new VersionConflictException(awayId, mergedAwayVersion, awayVersion);
            }
            long now = micros(clock.instant());
            Customer stored = result.customer().withVersion(survivor.version() + 1);
            updateCustomer(c, stored, now, false);
            replaceKeys(c, stored);
            for (Activity a : result.activities()) {
                upsertActivity(c, a);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE crm_lifecycle SET customer_id = ? WHERE customer_id = ?"
                    + " AND lifecycle NOT IN (SELECT l.lifecycle FROM crm_lifecycle l WHERE l.customer_id = ?)")) {
                ps.setString(1, survivorId.value());
                ps.setString(2, awayId.value());
                ps.setString(3, survivorId.value());
                ps.executeUpdate();
            }
            deleteCustomer(c, awayId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO crm_merge (survivor_id, merged_away_id, actor, merged_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, survivorId.value());
                ps.setString(2, awayId.value());
                ps.setString(3, who);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            List<AuditEntry> entries = new ArrayList<>(AuditEntry.changes(survivor, stored, who, instant(now)));
            entries.add(new AuditEntry(survivorId, who, "merged:" + awayId.value(), instant(now)));
            entries.add(new AuditEntry(awayId, who, "merged into:" + survivorId.value(), instant(now)));
            audit(c, entries);
            events.add(outbox(c, ChangeType.MERGED, survivorId, stored.version(), now));
            events.add(outbox(c, ChangeType.REMOVED, awayId, 0, now));
            return stored;
        });
    }

    @Override
    public List<MergeRecord> merges(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return read("reading merges", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT survivor_id, merged_away_id, actor, merged_at"
                    + " FROM crm_merge WHERE survivor_id = ? OR merged_away_id = ? ORDER BY seq")) {
                ps.setString(1, id.value());
                ps.setString(2, id.value());
                List<MergeRecord> merges = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        merges.add(new MergeRecord(CustomerId.of(rs.getString(1)), CustomerId.of(rs.getString(2)),
                                rs.getString(3), instant(rs.getLong(4))));
                    }
                }
                return merges;
            }
        });
    }

    // ---------------------------------------------------------------- lifecycles

    @Override
    public void storeLifecycle(CustomerId id, LifecycleRecord record, long expectedVersion) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
        String document = LifecycleRecordJson.write(record);
        write("storing a lifecycle record", (c, events) -> {
            long customerVersion = lockVersion(c, id);
            long actual = NEW_LIFECYCLE;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version FROM crm_lifecycle WHERE customer_id = ? AND lifecycle = ?")) {
                ps.setString(1, id.value());
                ps.setString(2, record.lifecycleName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        actual = rs.getLong(1);
                    }
                }
            }
            if (actual != expectedVersion) {
                throw new VersionConflictException(id, expectedVersion, actual);
            }
            String sql = actual == NEW_LIFECYCLE
                    ? "INSERT INTO crm_lifecycle (version, state, document, customer_id, lifecycle) VALUES (?, ?, ?, ?, ?)"
                    : "UPDATE crm_lifecycle SET version = ?, state = ?, document = ? WHERE customer_id = ? AND lifecycle = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, record.version());
                ps.setString(2, record.state().name());
                ps.setString(3, document);
                ps.setString(4, id.value());
                ps.setString(5, record.lifecycleName());
                ps.executeUpdate();
            }
            events.add(outbox(c, ChangeType.LIFECYCLE_STORED, id, customerVersion, micros(clock.instant())));
            return null;
        });
    }

    @Override
    public Optional<LifecycleRecord> lifecycle(CustomerId id, Lifecycle<?, ?> lifecycle) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Optional<String> document = read("reading a lifecycle record", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT document FROM crm_lifecycle WHERE customer_id = ? AND lifecycle = ?")) {
                ps.setString(1, id.value());
                ps.setString(2, lifecycle.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return document.map(d -> LifecycleRecordJson.read(d, lifecycle));
    }

    @Override
    public SortedMap<String, String> lifecycleDocuments(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return read("reading lifecycle records", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lifecycle, document FROM crm_lifecycle WHERE customer_id = ?")) {
                ps.setString(1, id.value());
                SortedMap<String, String> docs = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docs.put(rs.getString(1), rs.getString(2));
                    }
                }
                return docs;
            }
        });
    }

    // ---------------------------------------------------------------- data protection

    @Override
    public ErasureRecord erase(CustomerId id, String actor) {
        Objects.requireNonNull(id, "id");
        String who = actor(actor);
        return write("erasing a customer", (c, events) -> {
            Customer current = lockCustomer(c, id);
            long now = micros(clock.instant());
            Customer erased = Erasure.anonymise(current).withVersion(current.version() + 1);
            updateCustomer(c, erased, now, true);
            replaceKeys(c, erased);
            List<Activity> anonymised = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT document FROM crm_activity WHERE customer_id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        anonymised.add(Erasure.anonymise(activity(rs.getString(1))));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE crm_activity SET document = ? WHERE id = ?")) {
                for (Activity a : anonymised) {
                    ps.setString(1, CrmJson.write(a));
                    ps.setString(2, a.id().value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<String, String> redacted = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lifecycle, document FROM crm_lifecycle WHERE customer_id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        redacted.put(rs.getString(1), redactReasons(rs.getString(2)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE crm_lifecycle SET document = ? WHERE customer_id = ? AND lifecycle = ?")) {
                for (Map.Entry<String, String> e : redacted.entrySet()) {
                    ps.setString(1, e.getValue());
                    ps.setString(2, id.value());
                    ps.setString(3, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO crm_erasure (customer_id, actor, erased_at) VALUES (?, ?, ?)")) {
                ps.setString(1, id.value());
                ps.setString(2, who);
                ps.setLong(3, now);
                ps.executeUpdate();
            }
            audit(c, List.of(new AuditEntry(id, who, "erased", instant(now))));
            events.add(outbox(c, ChangeType.ERASED, id, erased.version(), now));
            return new ErasureRecord(id, who, instant(now));
        });
    }

    @Override
    public List<ErasureRecord> erasures(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return read("reading erasures", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT actor, erased_at FROM crm_erasure WHERE customer_id = ? ORDER BY seq")) {
                ps.setString(1, id.value());
                List<ErasureRecord> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new ErasureRecord(id, rs.getString(1), instant(rs.getLong(2))));
                    }
                }
                return list;
            }
        });
    }

    @Override
    public List<AuditEntry> auditTrail(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return read("reading the audit trail", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT actor, field, changed_at FROM crm_audit WHERE customer_id = ? ORDER BY seq")) {
                ps.setString(1, id.value());
                List<AuditEntry> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new AuditEntry(id, rs.getString(1), rs.getString(2), instant(rs.getLong(3))));
                    }
                }
                return list;
            }
        });
    }

    // ---------------------------------------------------------------- events and counts

    @Override
    public ChangeListener.Registration addListener(ChangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Reads committed changes from the outbox table, oldest first: changes of every process
     * writing to this database.
     *
     * @param afterSequence the last sequence already processed (0 to start)
     * @param limit the most events returned, 1 to 100,000
     * @return the events, never null
     * @throws IllegalArgumentException if the limit is out of range
     */
    public List<ChangeEvent> outbox(long afterSequence, int limit) {
        if (limit < 1 || limit > CustomerQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + CustomerQuery.MAX_LIMIT + ": " + limit);
        }
        return read("reading the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, change_type, customer_id, version, occurred_at"
                    + " FROM crm_outbox WHERE seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")) {
                ps.setLong(1, afterSequence);
                List<ChangeEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new ChangeEvent(rs.getLong(1), ChangeType.valueOf(rs.getString(2)),
                                CustomerId.of(rs.getString(3)), rs.getLong(4), instant(rs.getLong(5))));
                    }
                }
                return events;
            }
        });
    }

    /**
     * Deletes processed events from the outbox.
     *
     * @param upToSequence the last sequence processed, inclusive
     * @return the number of events deleted
     */
    public int acknowledgeOutbox(long upToSequence) {
        return write("acknowledging the outbox", (c, events) -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM crm_outbox WHERE seq <= ?")) {
                ps.setLong(1, upToSequence);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public StoreStats stats() {
        return read("counting", c -> new StoreStats(count(c, "crm_customer"), count(c, "crm_activity"),
                count(c, "crm_merge"), count(c, "crm_erasure")));
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Returns a description naming the database kind, never credentials.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "JdbcCustomerStore[" + dialect.folder() + "]";
    }

    // ---------------------------------------------------------------- statements

    private Customer lockCustomer(Connection c, CustomerId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, document FROM crm_customer WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownCustomerException(id);
                }
                return customer(rs.getString(2), rs.getLong(1));
            }
        }
    }

    private long lockVersion(Connection c, CustomerId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM crm_customer WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownCustomerException(id);
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * {@link #insertImport}, and with listeners registered the CREATED events of the imported
     * customers read back from the outbox (their sequence numbers come from the database), so
     * listeners hear of imports as of every other committed change. Without listeners nothing
     * is read back.
     */
    private void importAndPublish(Connection c, List<Customer> customers, Collection<? extends Activity> activities,
            String who, List<ChangeEvent> events) throws SQLException {
        long now = micros(clock.instant());
        if (listeners.isEmpty() || customers.isEmpty()) {
            insertImport(c, customers, activities, who, now);
            return;
        }
        long before;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM crm_outbox");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            before = rs.getLong(1);
        }
        insertImport(c, customers, activities, who, now);
        Set<String> ids = new HashSet<>(customers.size() * 2);
        for (Customer customer : customers) {
            ids.add(customer.id().value());
        }
        // sequence values drawn after the maximum was read are above it; rows of concurrent
        // transactions in that range are told apart by the ids, which are new to the store
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, customer_id FROM crm_outbox WHERE seq > ?"
                + " AND change_type = ? AND occurred_at = ? ORDER BY seq")) {
            ps.setLong(1, before);
            ps.setString(2, ChangeType.CREATED.name());
            ps.setLong(3, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(2);
                    if (ids.contains(id)) {
                        events.add(new ChangeEvent(rs.getLong(1), ChangeType.CREATED, CustomerId.of(id), 1, instant(now)));
                    }
                }
            }
        }
    }

    /** Customers, their keys, activities, one "created" audit row and one CREATED outbox row each. */
    private static void insertImport(Connection c, List<Customer> customers, Collection<? extends Activity> activities,
            String who, long now) throws SQLException {
        if (customers.isEmpty() && activities.isEmpty()) {
            return;
        }
        insertCustomers(c, customers, now);
        insertActivities(c, activities);
        try (PreparedStatement audit = c.prepareStatement(
                "INSERT INTO crm_audit (customer_id, actor, field, changed_at) VALUES (?, ?, ?, ?)");
                PreparedStatement outbox = c.prepareStatement(
                        "INSERT INTO crm_outbox (change_type, customer_id, version, occurred_at) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (Customer s : customers) {
                audit.setString(1, s.id().value());
                audit.setString(2, who);
                audit.setString(3, "created");
                audit.setLong(4, now);
                audit.addBatch();
                outbox.setString(1, ChangeType.CREATED.name());
                outbox.setString(2, s.id().value());
                outbox.setLong(3, 1);
                outbox.setLong(4, now);
                outbox.addBatch();
                if (++n % BATCH == 0) {
                    audit.executeBatch();
                    outbox.executeBatch();
                }
            }
            if (n % BATCH != 0) {
                audit.executeBatch();
                outbox.executeBatch();
            }
        }
    }

    /** The ids of {@code customers} already stored. */
    private static Set<CustomerId> existingIds(Connection c, List<Customer> customers) throws SQLException {
        Set<CustomerId> found = new HashSet<>();
        for (int from = 0; from < customers.size(); from += ID_LIST) {
            List<Customer> part = customers.subList(from, Math.min(customers.size(), from + ID_LIST));
            StringBuilder sql = new StringBuilder("SELECT id FROM crm_customer WHERE id IN (?");
            for (int i = 1; i < part.size(); i++) {
                sql.append(", ?");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i).id().value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(CustomerId.of(rs.getString(1)));
                    }
                }
            }
        }
        return found;
    }

    private static void insertCustomers(Connection c, List<Customer> customers, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm_customer (" + CUSTOMER_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement keys = c.prepareStatement(
                        "INSERT INTO crm_customer_key (kind, key_value, customer_id) VALUES (?, ?, ?)")) {
            int rows = 0;
            int keyRows = 0;
            for (Customer customer : customers) {
                ps.setString(1, customer.id().value());
                ps.setLong(2, customer.version());
                bindColumns(ps, customer, now, false, 3);
                ps.addBatch();
                if (++rows % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            if (rows % BATCH != 0) {
                ps.executeBatch();
            }
            for (Customer customer : customers) {
                for (String[] key : keys(customer)) {
                    keys.setString(1, key[0]);
                    keys.setString(2, key[1]);
                    keys.setString(3, customer.id().value());
                    keys.addBatch();
                    if (++keyRows % BATCH == 0) {
                        keys.executeBatch();
                    }
                }
            }
            if (keyRows % BATCH != 0) {
                keys.executeBatch();
            }
        }
    }

    private static void updateCustomer(Connection c, Customer customer, long now, boolean erased) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE crm_customer SET version = ?, status = ?, grade = ?,"
                + " cooperation = ?, relationship_level = ?, relationship_type = ?, changed_at = ?,"
                + " erased = (erased OR ?), document = ? WHERE id = ?")) {
            ps.setLong(1, customer.version());
            bindColumns(ps, customer, now, erased, 2);
            ps.setString(10, customer.id().value());
            ps.executeUpdate();
        }
    }

    /** Binds status, grade, classification, change time, erased flag and document from {@code first} on. */
    private static void bindColumns(PreparedStatement ps, Customer customer, long now, boolean erased, int first)
            throws SQLException {
        ps.setString(first, customer.status().name());
        setNullable(ps, first + 1, customer.grade().map(Enum::name).orElse(null));
        setNullable(ps, first + 2, name(customer.classification().cooperation()));
        setNullable(ps, first + 3, name(customer.classification().relationshipLevel()));
        setNullable(ps, first + 4, name(customer.classification().relationshipType()));
        ps.setLong(first + 5, now);
        ps.setBoolean(first + 6, erased);
        ps.setString(first + 7, CrmJson.write(customer));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void deleteCustomer(Connection c, CustomerId id) throws SQLException {
        // children first: the foreign keys cascade, but explicit deletes keep databases without cascades honest
        for (String sql : List.of("DELETE FROM crm_customer_key WHERE customer_id = ?",
                "DELETE FROM crm_activity WHERE customer_id = ?", "DELETE FROM crm_lifecycle WHERE customer_id = ?",
                "DELETE FROM crm_customer WHERE id = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id.value());
                ps.executeUpdate();
            }
        }
    }

    private static Set<List<String>> keySet(Customer customer) {
        Set<List<String>> set = new HashSet<>();
        for (String[] k : keys(customer)) {
            set.add(List.of(k));
        }
        return set;
    }

    private static List<String[]> keys(Customer customer) {
        Set<String> emails = new LinkedHashSet<>();
        for (Email e : customer.contacts().emails()) {
            emails.add(e.normalized());
        }
        Set<String> phones = new LinkedHashSet<>();
        for (Phone p : customer.contacts().phones()) {
            phones.add(p.normalized());
        }
        List<String[]> keys = new ArrayList<>(emails.size() + phones.size());
        emails.forEach(e -> keys.add(new String[] {"email", e}));
        phones.forEach(p -> keys.add(new String[] {"phone", p}));
        return keys;
    }

    private static void replaceKeys(Connection c, Customer customer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM crm_customer_key WHERE customer_id = ?")) {
            ps.setString(1, customer.id().value());
            ps.executeUpdate();
        }
        List<String[]> keys = keys(customer);
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO crm_customer_key (kind, key_value, customer_id) VALUES (?, ?, ?)")) {
            for (String[] key : keys) {
                ps.setString(1, key[0]);
                ps.setString(2, key[1]);
                ps.setString(3, customer.id().value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void upsertActivity(Connection c, Activity a) throws SQLException {
        String document = CrmJson.write(a);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE crm_activity SET customer_id = ?, kind = ?, occurred_at = ?, document = ? WHERE id = ?")) {
            ps.setString(1, a.customerId().value());
            ps.setString(2, kind(a));
            ps.setLong(3, micros(a.timestamp()));
            ps.setString(4, document);
            ps.setString(5, a.id().value());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO crm_activity (customer_id, kind, occurred_at, document, id) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, a.customerId().value());
            ps.setString(2, kind(a));
            ps.setLong(3, micros(a.timestamp()));
            ps.setString(4, document);
            ps.setString(5, a.id().value());
            ps.executeUpdate();
        }
    }

    private static void insertActivities(Connection c, Collection<? extends Activity> activities) throws SQLException {
        if (activities.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO crm_activity (customer_id, kind, occurred_at, document, id) VALUES (?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Activity a : activities) {
                ps.setString(1, a.customerId().value());
                ps.setString(2, kind(a));
                ps.setLong(3, micros(a.timestamp()));
                ps.setString(4, CrmJson.write(a));
                ps.setString(5, a.id().value());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            if (n % BATCH != 0) {
                ps.executeBatch();
            }
        }
    }

    private static String kind(Activity a) {
        String kind = KINDS.get(a.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("unknown activity type " + a.getClass().getName());
        }
        return kind;
    }

    private static void audit(Connection c, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO crm_audit (customer_id, actor, field, changed_at) VALUES (?, ?, ?, ?)")) {
            for (AuditEntry e : entries) {
                ps.setString(1, e.customerId().value());
                ps.setString(2, e.actor());
                ps.setString(3, e.field());
                ps.setLong(4, micros(e.at()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static ChangeEvent outbox(Connection c, ChangeType type, CustomerId id, long version, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO crm_outbox (change_type, customer_id, version, occurred_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, type.name());
            ps.setString(2, id.value());
            ps.setLong(3, version);
            ps.setLong(4, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the driver returned no generated sequence for the outbox row", "HY000");
                }
                return new ChangeEvent(keys.getLong(1), type, id, version, instant(now));
            }
        }
    }

    private static String redactReasons(String document) {
        try {
            JsonNode root = TREES.readTree(document);
            for (JsonNode move : root.path("history")) {
                ((ObjectNode) move).put("reason", Erasure.ERASED);
            }
            return TREES.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lifecycle record is not valid JSON", e);
        }
    }

    private static Customer customer(String document, long version) {
        return CrmJson.read(document, Customer.class).withVersion(version);
    }

    private static Activity activity(String document) {
        return CrmJson.read(document, Activity.class);
    }

    private static String actor(String actor) {
        // validated by the records that carry it; checked here so that nothing is written first
        return new AuditEntry(CustomerId.of("check"), actor, "check", Instant.EPOCH).actor();
    }

    static long micros(Instant t) {
        if (t.equals(Instant.MIN) || t.isBefore(Instant.ofEpochSecond(-9_000_000_000_000L / 1_000))) {
            return Long.MIN_VALUE;
        }
        if (t.equals(Instant.MAX) || t.isAfter(Instant.ofEpochSecond(9_000_000_000_000L / 1_000))) {
            return Long.MAX_VALUE;
        }
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    // ---------------------------------------------------------------- transactions

    /** Work inside a transaction; events it adds are published after the commit. */
    private interface Work<T> {
        T run(Connection c, List<ChangeEvent> events) throws SQLException;
    }

    /** What one chunk of {@link #importInChunks} wrote. */
    private record Chunk(int customers, int activities, List<CustomerId> skipped) {
    }

    /** Work on a connection with auto-commit. */
    private interface Reading<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String operation, Reading<T> reading) {
        try (Connection c = dataSource.getConnection()) {
            return reading.run(c);
        } catch (SQLException e) {
            throw new StoreAccessException(operation, e);
        }
    }

    private <T> T write(String operation, Work<T> work) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<ChangeEvent> events = new ArrayList<>(2);
            try (Connection c = dataSource.getConnection()) {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                T result;
                try {
                    result = work.run(c, events);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    rollback(c);
                    throw e;
                } finally {
                    restore(c, auto);
                }
                publish(events);
                return result;
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw new StoreAccessException(operation, e);
                }
                last = e;
            }
        }
        throw new StoreAccessException(operation + " (after " + ATTEMPTS + " attempts)", last);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: SQL state {}", e.getSQLState());
        }
    }

    private static void restore(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException e) {
            LOG.debug("could not restore auto-commit: SQL state {}", e.getSQLState());
        }
    }

    /** Deadlock victims and serialisation failures (SQL state class 40) and H2's lock timeout are worth a retry. */
    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.equals("HYT00"));
    }

    private static boolean isDuplicateKey(StoreAccessException e) {
        return "23505".equals(e.sqlState());
    }

    private void publish(List<ChangeEvent> events) {
        for (ChangeEvent event : events) {
            for (ChangeListener l : listeners) {
                try {
                    l.onChange(event);
                } catch (RuntimeException e) {
                    LOG.warn("change listener {} failed on {} of customer {}", l.getClass().getName(), event.type(),
                            event.customerId(), e);
                }
            }
        }
    }

    /**
     * Builds a {@link JdbcCustomerStore}. Not thread-safe; the store it builds is.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private SchemaMode mode = SchemaMode.CREATE;
        private Dialect dialect;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Sets the clock that dates changes and bounds activity timestamps (default: system UTC).
         *
         * @param value not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets what happens to the schema at start (default {@link SchemaMode#CREATE}).
         *
         * @param value not null
         * @return this builder
         */
        public Builder schema(SchemaMode value) {
            mode = Objects.requireNonNull(value, "schema");
            return this;
        }

        /**
         * Names the database kind instead of detecting it from the driver's metadata.
         *
         * @param database {@code "h2"} or {@code "postgresql"}, not null
         * @return this builder
         * @throws IllegalArgumentException for another database
         */
        public Builder database(String database) {
            dialect = Dialect.of(Objects.requireNonNull(database, "database"));
            return this;
        }

        /**
         * Connects once, applies or checks the schema as the mode says, and returns the store.
         *
         * @return the store, never null
         * @throws StoreAccessException if the database cannot be reached
         * @throws SchemaVersionException if the schema is newer than this library, or, with
         *     VALIDATE, not fully migrated or changed
         * @throws IllegalArgumentException if the database kind is not supported
         */
        public JdbcCustomerStore build() {
            return new JdbcCustomerStore(this);
        }
    }
}
