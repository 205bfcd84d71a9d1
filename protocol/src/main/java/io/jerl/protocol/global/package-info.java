/**
 * Erlang's {@code global} name service for a jerl node: {@link io.jerl.protocol.global.Global}.
 *
 * <h2>The conversation, as OTP 25 (global protocol version 8) has it</h2>
 * Recorded with {@code erlang:trace} on a real OTP 25.2.3 node talking to another erl node and to jerl.
 * Casts are {@code {'$gen_cast', Msg}} and calls {@code {'$gen_call', {Pid, Tag}, Req}} answered with
 * {@code {Tag, Reply}} to Pid; {@code gen_server:multi_call} uses the tag {@code {Ref, Node}}. "gns" is
 * the registered {@code global_name_server}. For each pair of visible nodes X, Y:
 * <ol>
 * <li>X sees nodeup Y and casts to Y's gns {@code {init_connect, {8, TagX}, X, {locker, no_longer_a_pid,
 *     KnownMap, LockerX}}} (TagX a fresh integer, LockerX the pid of X's locker process). Y does the same.</li>
 * <li>On Y's init_connect (kept aside and replayed if it comes before X's own nodeup) X tells its locker
 *     {@code {his_the_locker, LockerY, {8, []}, TagY, TagX}}, sends the plain message
 *     {@code {init_connect_ack, X, TagY, TagX}} to Y's gns, and marks Y pending. If the tags in an ack are not
 *     the receiver's, it sends {@code {cancel_connect, Node, HisTag}} and both sides start over.</li>
 * <li>Each locker, 200 ms after it last heard anything (1–3 s once it knows nodes), picks a pending node and
 *     takes the lock {@code {global, lists:sort([LockerX, LockerY])}} with {@code multi_call {set_lock,
 *     LockId}}: on the boss (the greatest node name among itself and its known nodes) first, then on itself
 *     and Y, then on every other known node; any {@code false} and it lets go and tries later. Then it casts
 *     {@code {lock_set, LockerX, true, KnownList, TagY}} to Y's gns, which hands it to LockerY if TagY is
 *     still its tag for X. LockerY takes the same lock (same id, so it succeeds) and answers with its own
 *     lock_set. Both lockers usually do this at once; it converges because the lock id is the same.</li>
 * <li>A locker that has the other's {@code lock_set ... true} casts {@code {lock_is_set, Y, TagX, LockId}}
 *     to its own gns and holds the lock until the gns sends it {@code {cancel, Y, TagX, Fun}}.</li>
 * <li>On lock_is_set, X's gns casts {@code {exchange, X, [{Name, Pid, Method}], [], TagY}} to Y. With Y's
 *     exchange in too, X's resolver compares Y's names with its own: a name only Y has becomes an op
 *     {@code {insert, {Name, Pid, Method}}}; a name both have with different pids is resolved by the node
 *     whose name sorts first (it runs the Method of its own entry: by default the pid on the node that sorts
 *     first keeps the name and the other is killed) and the outcome goes into Ops or, for Y, into Resolved.</li>
 * <li>X casts {@code {resolved, X, Resolved, [{Node, 8}], unused, NamesExt, TagY}} to Y. Once X has both its
 *     own Ops and Y's resolved, it applies Ops ++ HisResolved, connects to every node in Y's known list and
 *     casts {@code {in_sync, X, true}} to each (this is connect_all's transitive connection),
 *     adds Y to known and to synced (which releases {@code global:sync()} callers waiting for Y), and sends
 *     its locker the cancel with a Fun that casts {@code {new_nodes, X, Ops, NamesExt, [{Y, 8} | HisKnown],
 *     [{vsn, 8}, {lock, LockId}]}} to every node X knew before; the locker runs it, then releases the lock
 *     ({@code multi_call {del_lock, LockId}}, the boss last).</li>
 * <li>A third node Z getting new_nodes adds the new nodes to its known list, connects to them and casts them
 *     {@code {in_sync, Z, true}}, and applies the ops (an insert is undone if the global lock is then held by
 *     another requester than the one in the extra info).
 *     {@code in_sync} from Z makes Z synced and cancels any connect in progress with Z.</li>
 * </ol>
 * {@code global:register_name/2} runs in the caller's node's registrar: lock id {@code {global,
 * RegistrarPid}}, {@code multi_call {set_lock, Id}} on the boss, then on itself and all known nodes
 * (retrying after random sleeps), the check, {@code multi_call {register, Name, Pid, Method}} (every gns
 * answers {@code yes} and monitors Pid), {@code multi_call {del_lock, Id}} with the boss last.
 * {@code unregister_name/1} is the same with {@code {unregister, Name}} (answer {@code ok}). The default
 * Method OTP 25 sends is a local fun of module global; jerl sends {@code fun global:random_exit_name/3}.
 * {@code whereis_name/1}, {@code registered_names/0} and {@code send/2} only read the local table.
 *
 * <p>When a node goes down, every gns drops the names and locks of processes there (through its monitors),
 * and with prevent_overlapping_partitions (on by default in OTP 25) casts {@code {lost_connection, Me,
 * XCreation, OpId, Lost}} to the others, who ask the lost node to disconnect ({@code {remove_connection,
 * Me}}) if they still see it.
 *
 * <p>A node with {@code -connect_all false} ignores nodeups: it never sends init_connect, parks the ones it
 * gets, and so never syncs with anyone: {@code global:sync()} on its peers waits for it for ever (seen on
 * OTP 25), names stay on their own side, and no transitive connections are made. It still answers lock and
 * register calls. Hidden connections never produce a nodeup for global at all.
 */
package io.jerl.protocol.global;
