namespace Kasify.Simulation.Hosting;

/// <summary>
/// Stops the host in the middle of a job: once armed, the next vendor request that took effect cancels the host's run
/// token before its answer reaches the job, so nothing after it is saved (as if the process died there).
/// </summary>
public sealed class CrashSwitch
{
    private CancellationTokenSource _run = new();
    private int _armed;

    public CancellationToken Token => _run.Token;
    public bool Crashed => _run.IsCancellationRequested;
    public string? CrashedOn { get; private set; }

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public void VendorRequestHandled(string what)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 0) return;
        CrashedOn = what;
        _run.Cancel();
    }

    /// <summary>Crash now, between jobs (the armed moment saw no vendor request).</summary>
    public void CrashNow()
    {
        Interlocked.Exchange(ref _armed, 0);
        CrashedOn ??= "between jobs";
        _run.Cancel();
    }

    public void Reset()
    {
        _run = new CancellationTokenSource();
        CrashedOn = null;
    }
}
