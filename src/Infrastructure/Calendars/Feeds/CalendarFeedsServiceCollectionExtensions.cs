using System.Net;
using System.Net.Http;
using Kasify.Application.Calendars.Feeds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Kasify.Infrastructure.Net;

namespace Kasify.Infrastructure.Calendars.Feeds;

public static class CalendarFeedsServiceCollectionExtensions
{
    public const string HttpClientName = "Kasify.CalendarFeeds";

    /// <summary>Registers the iCal feed parser, fetcher and export writer, bound to the <c>Calendars</c> section.</summary>
    public static IServiceCollection AddCalendarFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarFeedsOptions>()
            .Bind(configuration.GetSection(CalendarFeedsOptions.SectionName))
            .Validate(o => o.FetchTimeoutSeconds > 0, "Calendars:FetchTimeoutSeconds must be positive.")
            .Validate(o => o.MaxFeedBytes > 0, "Calendars:MaxFeedBytes must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICalendarFeedParser, IcalCalendarFeedParser>();
        services.TryAddSingleton<ICalendarExportWriter, IcalCalendarExportWriter>();

        services.AddHttpClient<ICalendarFeedFetcher, HttpCalendarFeedFetcher>(HttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<CalendarFeedsOptions>>().Value;
                // The resilience pipeline and the fetcher enforce the budget, so it can be reported as "timed out after Ns".
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.Clear();
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
                client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/calendar, */*;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<CalendarFeedsOptions>>().Value.AllowPrivateAddresses;
                var handler = GuardedConnector.Handler(allowPrivate);
                handler.AllowAutoRedirect = true;
                handler.MaxAutomaticRedirections = 5;
                handler.AutomaticDecompression = DecompressionMethods.All;
                handler.ConnectTimeout = TimeSpan.FromSeconds(10);
                return handler;
            })
            .AddResilienceHandler("feeds", (pipeline, context) => FeedResilience.Configure(pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<CalendarFeedsOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>()))
            .SelectPipelineByAuthority();

        return services;
    }
}
