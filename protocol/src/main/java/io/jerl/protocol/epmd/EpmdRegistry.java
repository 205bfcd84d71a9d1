package io.jerl.protocol.epmd;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names an {@link EmbeddedEpmd} knows, shared by all its connections (which may run on different event
 * loops, hence the lock). Like real epmd, the newest registration comes first, and a name that is registered
 * again gets a different creation: each name keeps a counter that starts at the current time in seconds and is
 * bumped on every registration, skipping 0..3 (0 means "any creation" in pids, 1..3 were the old 2-bit values).
 */
final class EpmdRegistry {
    /** How many released names keep their counter, as real epmd's MAX_UNREG_COUNT. */
    private static final int MAX_RELEASED = 1000;

    record Entry(Alive2Request request, Channel channel, int counter) {
        /** The creation a client of this version expects: 32 bits from version 6, else 1..3. */
        int creation() {
            return request.highestVersion() >= EpmdProtocol.DIST_VERSION
                    ? counter
                    : Integer.remainderUnsigned(counter, 3) + 1;
        }
    }

    private final LinkedList<Entry> registered = new LinkedList<>();
    private final Map<String, Integer> released = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_RELEASED;
        }
    };

    /** Registers the name for the connection, or returns null if the name is taken. */
    synchronized Entry register(Alive2Request request, Channel channel) {
        for (Entry e : registered) {
            if (e.request().name().equals(request.name())) {
                return null;
            }
        }
        Integer previous = released.remove(request.name());
        int counter = bump(previous != null ? previous : (int) (System.currentTimeMillis() / 1000));
        Entry entry = new Entry(request, channel, counter);
        registered.addFirst(entry);
        return entry;
    }

    private static int bump(int counter) {
        int next = counter + 1;
        return Integer.compareUnsigned(next, 4) < 0 ? 4 : next;
    }

    /** Frees the name registered by this connection, if any, and returns its entry. */
    synchronized Optional<Entry> unregister(Channel channel) {
        for (Iterator<Entry> it = registered.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.channel() == channel) {
                it.remove();
                released.put(e.request().name(), e.counter());
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    synchronized Optional<Entry> lookup(String name) {
        for (Entry e : registered) {
            if (e.request().name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    synchronized List<RegisteredNode> names() {
        List<RegisteredNode> out = new ArrayList<>(registered.size());
        for (Entry e : registered) {
            out.add(new RegisteredNode(e.request().name(), e.request().port()));
        }
        return out;
    }
}
