using System.Net;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.Application.SmartLocks.Vendors;
using Kasify.Infrastructure.SmartLocks;
using Kasify.TestFakes.SmartLocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.FunctionalTests.AccessCodes;

/// <summary>A create that reached Nuki but whose answer was lost is looked for by name, never sent again.</summary>
public sealed class AccessCodeTimeoutTests
{
    [Test]
    public async Task A_create_that_timed_out_is_found_on_the_lock_instead_of_being_created_again()
    {
        using var nuki = new FakeNuki { PendingMode = NukiPendingMode.AfterListCalls };
        var smartlock = nuki.AddSmartlock("timeout-token", 5151, "Front door");
        var database = KasifyApiFactory.NewDatabasePath();
        TimeoutAfterCreateVendors vendors = null!;
        await using (var api = new KasifyApiFactory(database, settings: new Dictionary<string, string?> { ["SmartLocks:Nuki:BaseUrl"] = nuki.Url },
            services: s =>
            {
                s.AddSingleton<SmartLockVendorRegistry>();
                s.AddSingleton<TimeoutAfterCreateVendors>();
                s.AddSingleton<ISmartLockVendorRegistry>(sp => sp.GetRequiredService<TimeoutAfterCreateVendors>());
            }))
        {
            vendors = api.Services.GetRequiredService<TimeoutAfterCreateVendors>();
            var owner = api.CreateClient();
            owner.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("timeout-owner", "timeout@example.test", "Ana", "García", false));
            (await owner.PostAsync("/auth/register", null)).EnsureSuccessStatusCode();
            var propertyId = (await (await owner.PostJsonAsync("/properties", Properties.PropertyRequests.Full())).ShouldBeAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
            var integration = (await (await owner.PostJsonAsync("/integrations/nuki", new { api_token = "timeout-token" })).ShouldBeAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
            await (await owner.PostJsonAsync($"/properties/{propertyId}/smart-locks", new { integration_id = integration, external_id = "5151" }))
                .ShouldBeAsync(HttpStatusCode.Created);
            var from = api.Today().AddDays(5);
            var booking = await api.AddBookingAsync(Guid.Parse(propertyId), from, from.AddDays(2));

            await (await owner.PostAsync($"/bookings/{booking.Id}/accesscode", null)).ShouldBeAsync(HttpStatusCode.Created);
            await owner.PostAsync($"/bookings/{booking.Id}/accesscode", null); // the host retries at once
            for (var i = 0; i < 3; i++)
            {
                api.Clock.Advance(TimeSpan.FromMinutes(2));
                await api.RunDueJobsAsync();
            }

            var code = await api.WithDbAsync(db => db.AccessCodes.SingleAsync(c => c.BookingId == booking.Id));
            code.Status.ToString().Should().Be("Active");
            nuki.AuthsOn(smartlock.SmartlockId).Should().ContainSingle();
            vendors.CreatesSent.Should().Be(1);
        }
        TestDatabase.Delete(database);
    }
}
