namespace Kasify.TestFakes.Faults;

/// <summary>How a fake vendor misbehaves while <see cref="FaultSwitch.Fault"/> is set (none by default).</summary>
public enum VendorFault
{
    None,

    /// <summary>Every request answers 503 at once; nothing changes.</summary>
    ServerError,

    /// <summary>Every request waits <see cref="FaultSwitch.TimeoutDelay"/> (longer than the client waits), then 503; nothing changes.</summary>
    Timeout,

    /// <summary>The connection breaks without an HTTP answer; nothing changes.</summary>
    ConnectionRefused,

    /// <summary>Changes (non-GET) are applied, then the answer comes only after <see cref="FaultSwitch.TimeoutDelay"/>.</summary>
    TimeoutAfterSuccess,
}
