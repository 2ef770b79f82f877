using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Kasify.WebApi.Auth;

/// <summary>
/// The JWT signing keys of <c>Authentication:Schemes:Bearer:SigningKeys</c>, read once and again only after the
/// configuration reloads. The framework hands the handler a lazy sequence that walks the configuration (and its locks)
/// and builds new key objects on every token validated; a rotated key in the configuration still takes effect on reload.
/// </summary>
internal sealed class ReloadingSigningKeys(IEnumerable<SecurityKey> source, IConfiguration configuration) : IEnumerable<SecurityKey>
{
    private Snapshot? _snapshot;

    public IEnumerator<SecurityKey> GetEnumerator() => ((IEnumerable<SecurityKey>)Current()).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private SecurityKey[] Current()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && !snapshot.Reloaded.HasChanged) return snapshot.Keys;
        var reloaded = configuration.GetReloadToken(); // taken before reading, so a reload during the read is not missed
        snapshot = new Snapshot(source.ToArray(), reloaded);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot.Keys;
    }

    private sealed record Snapshot(SecurityKey[] Keys, IChangeToken Reloaded);
}
