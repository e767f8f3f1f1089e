package dev.segmentagent.live;

import jakarta.inject.Singleton;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer of memberships at a time. A full refresh reads then writes; an event update landing between the
 * two would otherwise be overwritten by the older full result (the customer would wrongly exit again).
 */
@Singleton
class LiveLock {

    private final ReentrantLock lock = new ReentrantLock(true);

    <T> T with(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
