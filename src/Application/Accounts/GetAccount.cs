using Kasify.Application.Common;

namespace Kasify.Application.Accounts;

/// <summary>GET /account: the caller's own user and account.</summary>
[CallerScope]
public sealed class GetAccountHandler(UseCaseCaller caller, AccountReader reader)
{
    public Task<AccountResponse> HandleAsync(CancellationToken ct) => reader.ReadAsync(caller.User, ct);
}
