package policybot.escalation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import policybot.store.Store;

/**
 * Files cases from several threads as fast as the store takes them and prints {@code filed KEY ID}
 * for each once {@link Cases#file} has returned, which is when a person would be told "sent to the
 * head". The child process of the kill -9 test.
 *
 * <p>Arguments: JDBC URL, number of requests, threads.
 */
public final class EscalationBurst {

  /** Idempotency keys are this prefix and the request number, so a rerun retries the same requests. */
  static final String KEY_PREFIX = "burst-";

  private EscalationBurst() {}

  public static void main(String[] args) throws InterruptedException {
    String url = args[0];
    int requests = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    Clock clock = Clock.systemUTC();
    try (Store store = Store.open(url)) {
      new Roster(store, clock).put(Fixtures.REVIEWERS);
      Cases cases = new Cases(store, clock);
      AtomicInteger next = new AtomicInteger();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker =
            new Thread(
                () -> {
                  for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String key = KEY_PREFIX + i;
                    Filing filing = cases.file(Fixtures.question(key, "Burst question number " + i));
                    Case filed =
                        filing instanceof Filing.Created c ? c.filed() : ((Filing.Repeated) filing).filed();
                    // println is synchronised, so lines from different threads never interleave
                    System.out.println("filed " + key + " " + filed.id());
                  }
                });
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
    }
    System.out.println("done");
  }
}
