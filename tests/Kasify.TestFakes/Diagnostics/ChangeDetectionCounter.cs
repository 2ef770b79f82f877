using System.Diagnostics;

namespace Kasify.TestFakes.Diagnostics;

/// <summary>
/// Counts EF Core's full change-detection passes (<c>DetectChanges</c> over the whole tracker) made by the current async
/// flow while <see cref="Start"/> is in effect, through EF's DiagnosticListener; other flows (tests, requests) are ignored.
/// </summary>
public sealed class ChangeDetectionCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string DetectChangesStarting = "Microsoft.EntityFrameworkCore.ChangeTracking.DetectChangesStarting";
    private readonly AsyncLocal<bool> _counting = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;
    private int _count;

    public ChangeDetectionCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public int Count => _count;

    /// <summary>Resets the count and counts this flow's passes from now on (call it in the method that awaits the work).</summary>
    public void Start()
    {
        Interlocked.Exchange(ref _count, 0);
        _counting.Value = true;
    }

    public void Stop() => _counting.Value = false;

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != "Microsoft.EntityFrameworkCore") return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == DetectChangesStarting));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (_counting.Value && value.Key == DetectChangesStarting) Interlocked.Increment(ref _count);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
