using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Application.Common;

/// <summary>
/// Runs a unit of work and, when its save loses an optimistic-concurrency race, does it again from scratch in a fresh
/// scope: the failed unit of work is spent (its tracked entities hold the values that lost). The work reads what it
/// decides on, so a retry sees the winner's change and decides again (e.g. the party is now full). After a few losses
/// in a row the last one reaches the caller as the usual 409.
/// </summary>
public static class ConcurrencyRetry
{
    public const int Attempts = 5;

    public static async Task<T> RunAsync<T>(IServiceProvider current, IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> work)
    {
        try
        {
            return await work(current);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RetryInFreshScopesAsync(scopes, work);
        }
    }

    private static async Task<T> RetryInFreshScopesAsync<T>(IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> work)
    {
        for (var attempt = 2; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                return await work(scope.ServiceProvider);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Lost again to another writer: the next attempt reads its change.
            }
        }
    }
}
