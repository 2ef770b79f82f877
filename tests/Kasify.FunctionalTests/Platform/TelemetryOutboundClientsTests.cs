using Kasify.Application.Ses;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.Infrastructure.Calendars.Feeds;
using Kasify.Infrastructure.SmartLocks.Nuki;
using Kasify.Infrastructure.SmartLocks.Unifi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Kasify.FunctionalTests.Platform;

/// <summary>Which outbound clients retry at the HTTP layer: only the feed GETs. Vendor calls that create things are not idempotent.</summary>
public sealed class TelemetryOutboundClientsTests : ApiFixture
{
    [Test]
    public void The_feed_client_has_a_resilience_pipeline()
    {
        HandlerChain(CalendarFeedsServiceCollectionExtensions.HttpClientName).Should().Contain(h => h is ResilienceHandler);
    }

    [TestCase(NukiApiClient.HttpClientName)]
    [TestCase(UnifiHttpClients.Strict)]
    [TestCase(UnifiHttpClients.AcceptSelfSigned)]
    [TestCase(nameof(ISesClient))]
    public void A_vendor_client_is_never_retried_at_the_http_layer(string client)
    {
        var chain = HandlerChain(client);

        chain.Should().NotContain(h => h is ResilienceHandler, "a retried POST could create a second code or send a report twice");
        chain.Should().Contain(h => h is SocketsHttpHandler || h is HttpClientHandler, "the client {0} is registered", client);
    }

    private List<HttpMessageHandler> HandlerChain(string client)
    {
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? handler = Api.Services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(client);
             handler is not null;
             handler = (handler as DelegatingHandler)?.InnerHandler)
            chain.Add(handler);
        return chain;
    }
}
