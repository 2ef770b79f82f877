using Kasify.TestFakes.SmartLocks;
using WireMock;
using WireMock.ResponseBuilders;

namespace Kasify.TestFakes.Faults;

/// <summary>
/// The failure a fake applies on command, shared by the stateful fakes (Nuki, UniFi, SES). Off by default, so a fake
/// behaves as before unless a test or the simulation turns a fault on.
/// </summary>
public sealed class FaultSwitch
{
    public VendorFault Fault { get; set; }

    /// <summary>How long a timing-out request hangs; set it above the client's timeout.</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Called after a request was handled (its effect applied), before the answer is sent; e.g. to stop a host mid-job.</summary>
    public Action<RecordedRequest>? AfterHandled { get; set; }

    /// <summary>The answer that replaces the real one, or null to handle the request.</summary>
    public async Task<IResponseMessage?> BeforeAsync(Func<IResponseMessage> serverError)
    {
        switch (Fault)
        {
            case VendorFault.ServerError:
                return serverError();
            case VendorFault.Timeout:
                await Task.Delay(TimeoutDelay);
                return serverError();
            case VendorFault.ConnectionRefused:
                return new ResponseMessage { StatusCode = 200, FaultType = FaultType.MALFORMED_RESPONSE_CHUNK };
            default:
                return null;
        }
    }

    /// <summary>Runs after the request was handled: the "timeout after success" delay and the <see cref="AfterHandled"/> hook.</summary>
    public async Task AfterAsync(RecordedRequest request)
    {
        AfterHandled?.Invoke(request);
        if (Fault == VendorFault.TimeoutAfterSuccess && request.Method != "GET") await Task.Delay(TimeoutDelay);
    }
}
