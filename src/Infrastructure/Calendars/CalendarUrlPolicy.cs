using Kasify.Application.Calendars;
using Kasify.Infrastructure.Calendars.Feeds;
using Microsoft.Extensions.Options;

namespace Kasify.Infrastructure.Calendars;

/// <summary>Save-time feed URL rules (<see cref="FeedUrlRules"/>); the fetcher checks addresses again at connect time.</summary>
internal sealed class CalendarUrlPolicy(IOptions<CalendarFeedsOptions> options) : ICalendarUrlPolicy
{
    public Task<string?> CheckAsync(string url, CancellationToken ct) => FeedUrlRules.CheckAsync(url, options.Value.AllowPrivateAddresses, ct);
}
