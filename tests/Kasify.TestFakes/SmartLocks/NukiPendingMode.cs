namespace Kasify.TestFakes.SmartLocks;

// When FakeNuki applies accepted auth create/update/delete requests (they are asynchronous at Nuki).
public enum NukiPendingMode
{
    // Only when the test calls FakeNuki.CompletePendingAuths().
    Manual,

    // Automatically on the Nth auth list call after the request (FakeNuki.CompleteAfterListCalls); Manual still works.
    AfterListCalls,

    // Never: the lock is unreachable, accepted changes silently never happen.
    Never,
}
