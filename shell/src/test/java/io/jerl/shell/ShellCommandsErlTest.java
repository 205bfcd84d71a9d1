package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The shell's commands and the local (not distributed) node, against a real erl fed the same piped input:
 * the transcripts must be equal line for line. Inputs avoid what jerl prints differently on purpose (h() shows
 * forms as typed where erl re-prints them with erl_pp, so forms in h() here are written the way erl_pp would).
 */
class ShellCommandsErlTest {
    private static void sameAsErl(String input) throws Exception {
        PipedRuns.Run erl = PipedRuns.erl(input);
        PipedRuns.Run jerl = PipedRuns.jerl(input);
        assertEquals(erl.stdout(), jerl.stdout(), "transcript of:\n" + input + "\njerl's stderr: " + jerl.stderr());
        assertEquals(erl.status(), jerl.status(), "exit status");
    }

    @Test
    void bindingsHistoryAndValuesOfEarlierForms() throws Exception {
        sameAsErl("X = 1.\nY = abc.\nZ = 7 * 6.\nb().\nv(1).\nv(3) + 1.\ne(2).\nh().\nf(X).\nb().\nf().\nb().\n"
                + "v(40).\nv(0).\nfoo().\nX = 5, v(99).\nb().\n");
    }

    @Test
    void historyShowsFormsTheWayErlReprintsThem() throws Exception {
        sameAsErl("erlang:node().\n-1.\nnot true.\n16#ff.\n\"ab\\n\".\n#{a => 1}.\n(1 + 2) * 3.\n"
                + "X = [1,2|[3]].\nfun lists:map/2.\ncatch 1.\n2.50.\nY = {a,\"b\"}, {Y,X}.\n"
                + "[H | T] = X.\nlists:seq(1,3) -- [2] ++ [].\nself() ! {x,1}.\nM = #{k => v}, M#{k := w}.\n"
                + "<0.85.0>.\nv(-1).\nh().\n");
    }

    @Test
    void printedPidsRefsPortsAndFunsAreExpressions() throws Exception {
        sameAsErl("<0.85.0>.\nis_pid(<0.85.0>).\npid(0,85,0).\npid(0,85,0) =:= <0.85.0>.\n#Ref<0.1.2.3>.\n"
                + "#Port<0.5>.\n[<0.1.0>, #Ref<0.1.2.3>].\n#Fun<lists.map.2>.\n<0.1.0> ! hi.\n");
    }

    @Test
    void withoutANameTheNodeIsNonodeAtNohostAndStaysLocal() throws Exception {
        sameAsErl("node().\nnodes().\nis_alive().\nerlang:get_cookie().\nnet_kernel:connect_node(foo@bar).\n"
                + "net_adm:ping(foo@bar).\nregister(shell, self()).\nwhereis(shell) =:= self().\n"
                + "P = spawn(fun() -> receive {From, N} -> From ! N + 1 end end), is_pid(P).\n"
                + "P ! {shell, 41}, ok.\nreceive R -> R after 5000 -> timeout end.\nself() ! hi.\nflush().\nhalt(3).\n1.\n");
    }

    @Test
    void aLocalNodeSaysItCannotBecomeDistributedLater() {
        // erl's net_kernel:start([bus, shortnames]) renames the running node; jerl cannot
        assertEquals("1> {error,\"jerl cannot become distributed while running; start it with -sname or -name\"}\n2> ",
                PipedRuns.jerl("net_kernel:start([bus, shortnames]).\n").stdout());
    }

    @Test
    void qStopsWithOkAndReadsNoFurther() throws Exception {
        PipedRuns.Run jerl = PipedRuns.jerl("1.\nq().\n2.\n");
        assertEquals("1> 1\n2> ok\n", jerl.stdout());
        assertEquals(0, jerl.status());
    }

    @Test
    void regsHasErlsLayoutAndListsTheShellsName() throws Exception {
        String input = "register(shell, self()).\nregs().\n";
        String[] erl = PipedRuns.erl(input).stdout().split("\n");
        String jerl = PipedRuns.jerl(input).stdout();
        String[] lines = jerl.split("\n");
        assertEquals(erl[1], lines[1], "blank line before the table, as erl");
        assertEquals(erl[2], lines[2], "the procs heading");
        assertEquals(erl[3], lines[3], "the column heading");
        assertTrue(jerl.matches("(?s).*\nshell {17}<0\\.\\d+\\.0> +mailbox +- +0\n.*"), jerl);
        assertTrue(jerl.endsWith("\n** Registered ports on node nonode@nohost **\n"
                + "Name                  Id              Command                                 \nok\n3> "), jerl);
    }

    @Test
    void helpListsJerlsCommandsAndIsTrue() {
        String out = PipedRuns.jerl("help().\n").stdout();
        for (String command : new String[] {"b()", "e(N)", "f()", "f(X)", "h()", "v(N)", "flush()", "help()", "i()",
                "nregs()", "pid(X,Y,Z)", "q()", "regs()", "halt(), halt(N)"}) {
            assertTrue(out.contains("\n" + command + " "), command + " in:\n" + out);
        }
        assertTrue(out.endsWith("\ntrue\n2> "), out);
    }

    @Test
    void iListsEveryProcessWithItsNameAndQueue() {
        String out = PipedRuns.jerl("register(shell, self()).\nself() ! a, self() ! b.\ni().\n").stdout();
        assertTrue(out.contains("3> Pid                   Initial Call                          Heap     Reds Msgs\n"
                + "Registered            Current Function                     Stack              \n"), out);
        assertTrue(out.matches("(?s).*\n<0\\.\\d+\\.0> +mailbox +- +- +2\nshell +- +- +\n.*"), out);
        assertTrue(out.matches("(?s).*\nTotal +- +- +2\n +- +\nok\n4> $"), out);
    }
}
