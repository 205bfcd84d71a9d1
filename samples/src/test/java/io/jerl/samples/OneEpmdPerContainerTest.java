package io.jerl.samples;

import org.junit.jupiter.api.Test;

/**
 * Sample 003 (seed 003): three "containers" on one network, each with its own EPMD and a node called snode;
 * jerl in container1 rpc-calls both erl nodes, and erl rpc-calls jerl, whose rex answers.
 */
class OneEpmdPerContainerTest {
    private static final Sample SAMPLE = Sample.named("003-one-epmd-per-container");

    @Test
    void jerlAndTwoErlNodesCallEachOtherAcrossContainers() {
        Sample.Script jerlTyped = SAMPLE.script("jerl.erl");
        Sample.Script c2Typed = SAMPLE.script("container2.erl");
        Sample.Script c3Typed = SAMPLE.script("container3.erl");
        try (Hosts hosts = Hosts.up(SAMPLE.command("samples/hosts.sh up container1 container2 container3"))) {
            Terminal c2 = hosts.shell("snode@container2 (erl)",
                    SAMPLE.command("samples/hosts.sh run container2 erl -sname snode -setcookie cookie"));
            Terminal c3 = hosts.shell("snode@container3 (erl)",
                    SAMPLE.command("samples/hosts.sh run container3 erl -sname snode -setcookie cookie"));
            String names = hosts.run(SAMPLE.command("samples/hosts.sh run container2 epmd -names"));
            if (!names.matches("(?s)epmd: up and running on port 4369 with data:\nname snode at port \\d+\n")) {
                throw new AssertionError("container2's EPMD should know its own snode and nothing else:\n" + names);
            }
            Terminal jerl = hosts.shell("snode@container1 (jerl)",
                    SAMPLE.command("samples/hosts.sh run container1 ./jerl -sname snode -setcookie cookie"));

            jerl.enter(jerlTyped.next()).shows("pong");                                   // ping container2
            jerl.enter(jerlTyped.next()).shows("pong");                                   // ping container3
            jerl.enter(jerlTyped.next()).shows("[snode@container2,snode@container3]");   // nodes()
            jerl.enter(jerlTyped.next()).shows("\"25\"");                                 // otp_release of container2
            jerl.enter(jerlTyped.next()).shows("\"25\"");                                 // otp_release of container3
            jerl.enter(jerlTyped.next())                                                  // node() of each
                    .shows("[{snode@container2,snode@container2},\n {snode@container3,snode@container3}]");

            c2.enter(c2Typed.next()).shows("snode@container1");                           // erlang:node() on jerl
            c2.enter(c2Typed.next()).shows("[snode@container2,snode@container3]");        // erlang:nodes() on jerl
            c2.enter(c2Typed.next()).shows("\"25\"");                                     // jerl's rex serves built-ins
            // global makes the mesh in the background: as the README says, type nodes() again until it shows.
            c3.enterUntil(c3Typed.next(), "[snode@container1,snode@container2]");

            jerl.quit(jerlTyped.last());
            c2.quit(c2Typed.last());
            c3.quit(c3Typed.last());
            hosts.run(SAMPLE.command("samples/hosts.sh down"));
        }
    }
}
