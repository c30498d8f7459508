package io.quiver.storage.backup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.tx.VersionedValueType;
import org.h2.value.VersionedValue;

/**
 * Writes logged changes into a store: the redo of committed transactions a crash kept from the data file,
 * and the rows and transactions of a restore. Changes carry whole new values, so applying one twice is
 * harmless. Runs while nothing else uses the store.
 */
public final class ChangeApplier {
    private final MVStore store;
    private final TransactionStore transactions;
    private final MVMap<String, Long> sequences;

    public ChangeApplier(MVStore store, TransactionStore transactions, MVMap<String, Long> sequences) {
        this.store = store;
        this.transactions = transactions;
        this.sequences = sequences;
    }

    /** Applies the changes as one transaction (a dropped map ends it early, as the drop commits by itself). */
    public void apply(List<Change> changes) {
        Transaction tx = transactions.begin();
        Map<String, TransactionMap<Object, Object>> maps = new HashMap<>();
        for (Change change : changes) {
            switch (change.op()) {
                case PUT -> map(tx, maps, change.name()).put(change.key(), change.value());
                case REMOVE -> map(tx, maps, change.name()).remove(change.key());
                case SEQUENCE -> sequences.merge(change.name(), (Long) change.value(), Math::max);
                case DROP_MAP -> {
                    tx.commit();
                    drop(change.name());
                    tx = transactions.begin();
                    maps.clear();
                }
            }
        }
        tx.commit();
    }

    /** Every transactional map the store holds whose kind a backup copies, opened. */
    List<MVMap<Object, VersionedValue<Object>>> openAllMaps() {
        return store.getMapNames().stream().filter(name -> MapKind.of(name) != null).sorted().map(this::open).toList();
    }

    MVMap<Object, VersionedValue<Object>> open(String name) {
        MapKind kind = MapKind.of(name);
        if (kind == null) {
            throw new IllegalArgumentException("not a table or catalog map: " + name);
        }
        return transactions.openMap(name, kind.keyType(), new VersionedValueType<>(kind.valueType()));
    }

    private TransactionMap<Object, Object> map(Transaction tx, Map<String, TransactionMap<Object, Object>> maps, String name) {
        return maps.computeIfAbsent(name, n -> tx.openMapX(open(n)));
    }

    private void drop(String name) {
        if (store.hasMap(name)) {
            Transaction tx = transactions.begin();
            tx.removeMap(tx.openMapX(open(name)));
            tx.commit();
        }
    }
}
