using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kasify.Domain.Crew;
using Kasify.FunctionalTests.Crew;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Properties;

public sealed class PropertyTests : ApiFixture
{
    private static async Task<JsonObject> CreateAsync(TestUser owner, object? body = null) =>
        await (await owner.Client.PostJsonAsync("/properties", body ?? PropertyRequests.Full())).ShouldBeAsync(HttpStatusCode.Created);

    [Test]
    public async Task A_created_property_has_the_published_shape_key_by_key()
    {
        var owner = await RegisterAsync();

        var created = await CreateAsync(owner, PropertyRequests.Full(airbnb: "https://www.airbnb.com/calendar/ical/123.ics?s=abc",
            calendars: [new { channel = "booking", url = "https://ical.booking.com/v1/export?t=xyz", syncIntervalMinutes = 15 }],
            defaultCleaner: owner.Id));
        var read = await owner.Client.GetObjectAsync($"/properties/{created["id"]}");

        read.Select(p => p.Key).Should().Equal(PropertyRequests.PublishedKeys);
        read.ToJsonString().Should().Be(created.ToJsonString());
        read["account_id"]!.ToString().Should().Be(owner.AccountId.ToString());
        read["name"]!.GetValue<string>().Should().Be("Casa Azul");
        read["zip_code"]!.GetValue<string>().Should().Be("28013");
        read["country"]!.GetValue<string>().Should().Be("ES");
        read["ses_establishment_code"]!.GetValue<string>().Should().Be("0000012345");
        read["ses_establishment_type"]!.GetValue<string>().Should().Be("VT");
        read["has_internet"]!.GetValue<bool>().Should().BeTrue();
        read["rooms_count"]!.GetValue<int>().Should().Be(3);
        read["cover_image_url"].Should().BeNull();
        read["role"]!.GetValue<string>().Should().Be("owner");
        read["timezone"]!.GetValue<string>().Should().Be("Europe/Madrid");
        read["checkin_time"]!.GetValue<string>().Should().Be("15:30");
        read["checkout_time"]!.GetValue<string>().Should().Be("10:00");
        read["ical_export_url"]!.GetValue<string>().Should().MatchRegex($"/properties/{created["id"]}/calendar\\.ics\\?token=[A-Za-z0-9_-]{{20,}}$");
        read["smart_locks"]!.AsArray().Should().BeEmpty();
        read["team"]!.AsArray().Should().BeEmpty();

        var cleaner = read["default_cleaner"]!.AsObject();
        cleaner.Select(p => p.Key).Should().Equal(PropertyRequests.MemberKeys);
        cleaner["id"]!.ToString().Should().Be(owner.Id.ToString());
        cleaner["access_level"]!.GetValue<string>().Should().Be("owner");

        var calendars = read["calendars"]!.AsArray();
        calendars.Should().HaveCount(2);
        calendars.Select(c => c!.AsObject().Select(p => p.Key)).Should().AllSatisfy(keys => keys.Should().Equal(PropertyRequests.CalendarKeys));
        calendars[0]!["channel"]!.GetValue<string>().Should().Be("airbnb");
        calendars[0]!["url"]!.GetValue<string>().Should().Be("https://www.airbnb.com/calendar/ical/123.ics?s=abc");
        calendars[0]!["syncIntervalMinutes"]!.GetValue<int>().Should().Be(30);
        calendars[1]!["channel"]!.GetValue<string>().Should().Be("booking");
        calendars[1]!["syncIntervalMinutes"]!.GetValue<int>().Should().Be(15);
        calendars[1]!["lastSyncAt"].Should().BeNull();
        calendars[1]!["lastError"].Should().BeNull();
    }

    [Test]
    public async Task Additive_fields_default_for_a_Spanish_host()
    {
        var owner = await RegisterAsync();

        var created = await CreateAsync(owner, PropertyRequests.Minimal());

        created["country"]!.GetValue<string>().Should().Be("ES");
        created["timezone"]!.GetValue<string>().Should().Be("Europe/Madrid");
        created["checkin_time"]!.GetValue<string>().Should().Be("16:00");
        created["checkout_time"]!.GetValue<string>().Should().Be("11:00");
        created["has_internet"].Should().BeNull();
        created["default_cleaner"].Should().BeNull();
        created["calendars"]!.AsArray().Should().BeEmpty();
    }

    [Test]
    public async Task Missing_and_invalid_fields_are_reported_one_by_one_and_nothing_is_stored()
    {
        var owner = await RegisterAsync();

        var problem = await (await owner.Client.PostJsonAsync("/properties", new
        {
            name = " ",
            rooms_count = -1,
            checkin_time = "4pm",
            timezone = "Nowhere/City",
            country = "Spain",
            airbnb_ical_url = "ftp://example.com/cal.ics",
            calendars = new object[] { new { channel = "airbnb", url = "https://a.example/x.ics" }, new { channel = "fax", url = "x" }, new { channel = "vrbo", syncIntervalMinutes = 1 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Select(e => e.Key).Should().Contain(["name", "address", "city", "zip_code", "rooms_count", "checkin_time",
            "timezone", "country", "airbnb_ical_url", "calendars[0].channel", "calendars[1].channel", "calendars[2].syncIntervalMinutes", "calendars[2].url"]);
        (await Api.WithDbAsync(db => db.Properties.CountAsync(p => p.AccountId == owner.AccountId))).Should().Be(0);
    }

    [TestCase("{\"name\": \"x\", ")]
    [TestCase("not json")]
    [TestCase("{\"name\": 12, \"address\": \"a\", \"city\": \"c\", \"zip_code\": \"1\"}")]
    [TestCase("{\"name\": \"x\", \"address\": \"a\", \"city\": \"c\", \"zip_code\": \"1\", \"rooms_count\": \"three\"}")]
    [TestCase("{\"name\": \"x\", \"address\": \"a\", \"city\": \"c\", \"zip_code\": \"1\", \"default_cleaner_id\": \"not-a-uuid\"}")]
    public async Task Malformed_json_or_wrong_types_are_a_400_problem(string body)
    {
        var owner = await RegisterAsync();

        var problem = await (await owner.Client.PostAsync("/properties", new StringContent(body, Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        (await Api.WithDbAsync(db => db.Properties.CountAsync(p => p.AccountId == owner.AccountId))).Should().Be(0);
    }

    [Test]
    public async Task A_body_that_is_not_json_is_a_415()
    {
        var owner = await RegisterAsync();

        await (await owner.Client.PostAsync("/properties", new StringContent("name=x", Encoding.UTF8, "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Feeds_on_private_addresses_are_refused_when_not_allowed()
    {
        await using var strict = new KasifyApiFactory(KasifyApiFactory.NewDatabasePath(),
            settings: new Dictionary<string, string?> { ["Calendars:AllowPrivateAddresses"] = "false" });
        try
        {
            var client = strict.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Mint("strict-owner", "s@example.test"));
            await client.PostAsync("/auth/register", null);

            foreach (var url in new[] { "http://127.0.0.1/cal.ics", "http://10.1.2.3/cal.ics", "http://169.254.169.254/latest", "http://localhost:9999/x.ics" })
            {
                var problem = await (await client.PostJsonAsync("/properties", PropertyRequests.Full(airbnb: url))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
                problem.Errors().Should().ContainKey("airbnb_ical_url", url);
            }
        }
        finally
        {
            strict.DeleteDatabase();
        }
    }

    [Test]
    public async Task The_list_is_paged_and_holds_only_visible_properties()
    {
        var owner = await RegisterAsync();
        var other = await RegisterAsync();
        for (var i = 0; i < 3; i++) await CreateAsync(owner, PropertyRequests.Minimal($"Piso {i}"));
        await CreateAsync(other, PropertyRequests.Minimal("Ajeno"));

        var first = await owner.Client.GetObjectAsync("/properties?page=0&size=2");
        var second = await owner.Client.GetObjectAsync("/properties?page=1&size=2");

        first.Select(p => p.Key).Should().Equal("properties", "page", "size", "total");
        first["total"]!.GetValue<int>().Should().Be(3);
        first["size"]!.GetValue<int>().Should().Be(2);
        first["properties"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Equal("Piso 0", "Piso 1");
        second["page"]!.GetValue<int>().Should().Be(1);
        second["properties"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Equal("Piso 2");
    }

    [TestCase("size=0")]
    [TestCase("size=101")]
    [TestCase("size=-5")]
    [TestCase("page=-1")]
    [TestCase("size=abc")]
    public async Task Bad_paging_is_a_400(string query)
    {
        var owner = await RegisterAsync();

        await (await owner.Client.GetAsync($"/properties?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Another_account_can_neither_see_nor_change_a_property()
    {
        var owner = await RegisterAsync();
        var stranger = await RegisterAsync();
        var id = (await CreateAsync(owner))["id"]!.ToString();

        await (await stranger.Client.GetAsync($"/properties/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Minimal("Hijacked"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync($"/properties/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.Client.DeleteAsync($"/properties/{id}/cover-image")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await stranger.Client.GetObjectAsync("/properties"))["total"]!.GetValue<int>().Should().Be(0);

        (await owner.Client.GetObjectAsync($"/properties/{id}"))["name"]!.GetValue<string>().Should().Be("Casa Azul");
    }

    [Test]
    public async Task An_unknown_id_is_a_404_and_a_malformed_one_too()
    {
        var owner = await RegisterAsync();

        await (await owner.Client.GetAsync($"/properties/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await owner.Client.GetAsync("/properties/not-a-guid")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Put_replaces_published_fields_and_keeps_additive_ones_left_out()
    {
        var owner = await RegisterAsync();
        var id = (await CreateAsync(owner, PropertyRequests.Full(calendars: [new { channel = "vrbo", url = "https://vrbo.example/cal.ics" }])))["id"]!.ToString();

        var updated = await (await owner.Client.PutJsonAsync($"/properties/{id}", new { name = "Casa Verde", address = "Calle Luna 2", city = "Sevilla", zip_code = "41001" }))
            .ShouldBeAsync(HttpStatusCode.OK);

        updated["name"]!.GetValue<string>().Should().Be("Casa Verde");
        updated["ses_establishment_code"].Should().BeNull();
        updated["has_internet"].Should().BeNull();
        updated["rooms_count"].Should().BeNull();
        updated["checkin_time"]!.GetValue<string>().Should().Be("15:30");
        updated["timezone"]!.GetValue<string>().Should().Be("Europe/Madrid");
        updated["calendars"]!.AsArray().Select(c => c!["channel"]!.GetValue<string>()).Should().Equal("vrbo");
    }

    [Test]
    public async Task Put_with_calendars_replaces_them_and_a_url_change_keeps_the_calendar()
    {
        var owner = await RegisterAsync();
        var id = (await CreateAsync(owner, PropertyRequests.Full(airbnb: "https://airbnb.example/a.ics",
            calendars: [new { channel = "vrbo", url = "https://vrbo.example/cal.ics" }])))["id"]!.ToString();
        var before = await Api.WithDbAsync(db => db.PropertyCalendars.SingleAsync(c => c.PropertyId == Guid.Parse(id) && c.Channel == Kasify.Domain.Properties.Channel.Airbnb));

        var updated = await (await owner.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Full(airbnb: "https://airbnb.example/b.ics",
            calendars: [new { channel = "booking", url = "https://booking.example/x.ics", syncIntervalMinutes = 60 }]))).ShouldBeAsync(HttpStatusCode.OK);

        updated["calendars"]!.AsArray().Select(c => c!["channel"]!.GetValue<string>()).Should().Equal("airbnb", "booking");
        var after = await Api.WithDbAsync(db => db.PropertyCalendars.SingleAsync(c => c.PropertyId == Guid.Parse(id) && c.Channel == Kasify.Domain.Properties.Channel.Airbnb));
        after.Id.Should().Be(before.Id);
        after.Url.Should().Be("https://airbnb.example/b.ics");
    }

    [Test]
    public async Task Roles_see_redacted_properties_and_only_owners_and_managers_change_them()
    {
        var owner = await RegisterAsync();
        var manager = await RegisterAsync("Manu");
        var staff = await RegisterAsync("Sara");
        var contractor = await RegisterAsync("Carlos");
        var id = (await CreateAsync(owner, PropertyRequests.Full(airbnb: "https://airbnb.example/a.ics")))["id"]!.ToString();
        var propertyId = Guid.Parse(id);
        await Api.AddMemberAsync(propertyId, manager.Id, AccessLevel.Manager);
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff, CrewService.Cleaning);
        await Api.AddMemberAsync(propertyId, contractor.Id, AccessLevel.Contractor, CrewService.Pool);

        foreach (var (member, role) in new[] { (manager, "manager"), (staff, "staff"), (contractor, "contractor") })
        {
            var seen = await member.Client.GetObjectAsync($"/properties/{id}");
            seen["role"]!.GetValue<string>().Should().Be(role);
            seen["ses_establishment_code"].Should().BeNull();
            seen["ses_establishment_type"].Should().BeNull();
            seen["ical_export_url"].Should().BeNull();
            seen["calendars"]!.AsArray().Should().ContainSingle().Which!["url"].Should().BeNull();
            seen["team"]!.AsArray().Should().HaveCount(3);
        }

        await (await staff.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Minimal("Nope"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await contractor.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Minimal("Nope"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.Client.DeleteAsync($"/properties/{id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var byManager = await (await manager.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Minimal("Renamed"))).ShouldBeAsync(HttpStatusCode.OK);
        byManager["name"]!.GetValue<string>().Should().Be("Renamed");
        var ownerView = await owner.Client.GetObjectAsync($"/properties/{id}");
        ownerView["ses_establishment_code"]!.GetValue<string>().Should().Be("0000012345", "a manager cannot see, so cannot wipe, owner-only fields");
        ownerView["calendars"]!.AsArray().Should().ContainSingle();
        var team = ownerView["team"]!.AsArray();
        team.Select(m => m!["access_level"]!.GetValue<string>()).Should().BeEquivalentTo(["manager", "staff", "contractor"]);
        team.Single(m => m!["id"]!.ToString() == staff.Id.ToString())!["service"]!.GetValue<string>().Should().Be("cleaning");
    }

    [Test]
    public async Task The_default_cleaner_must_be_a_member_or_the_owner()
    {
        var owner = await RegisterAsync();
        var cleaner = await RegisterAsync("Limpia");
        var outsider = await RegisterAsync();
        var id = (await CreateAsync(owner))["id"]!.ToString();

        var refused = await (await owner.Client.PostJsonAsync("/properties", PropertyRequests.Full(defaultCleaner: outsider.Id))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.Errors().Should().ContainKey("default_cleaner_id");
        await (await owner.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Full(defaultCleaner: cleaner.Id))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        await Api.AddMemberAsync(Guid.Parse(id), cleaner.Id, AccessLevel.Staff, CrewService.Cleaning);
        var updated = await (await owner.Client.PutJsonAsync($"/properties/{id}", PropertyRequests.Full(defaultCleaner: cleaner.Id))).ShouldBeAsync(HttpStatusCode.OK);

        updated["default_cleaner"]!["id"]!.ToString().Should().Be(cleaner.Id.ToString());
        updated["default_cleaner"]!["access_level"]!.GetValue<string>().Should().Be("staff");
    }

    [Test]
    public async Task Deleting_archives_the_property_out_of_everyones_sight_and_stops_its_calendars_and_pending_jobs()
    {
        var owner = await RegisterAsync();
        var staff = await RegisterAsync();
        var id = (await CreateAsync(owner, PropertyRequests.Full(airbnb: "https://airbnb.example/a.ics")))["id"]!.ToString();
        var propertyId = Guid.Parse(id);
        await Api.AddMemberAsync(propertyId, staff.Id, AccessLevel.Staff);

        await (await owner.Client.DeleteAsync($"/properties/{id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        await (await owner.Client.GetAsync($"/properties/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Client.GetAsync($"/properties/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await staff.Client.GetObjectAsync("/properties"))["properties"]!.AsArray().Should().BeEmpty();
        (await owner.Client.GetObjectAsync("/properties"))["properties"]!.AsArray().Should().BeEmpty();
        await (await owner.Client.DeleteAsync($"/properties/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await Api.WithDbAsync(async db =>
        {
            (await db.Properties.SingleAsync(p => p.Id == propertyId)).ArchivedAt.Should().Be(Api.Clock.GetUtcNow().UtcDateTime);
            (await db.PropertyCalendars.CountAsync(c => c.PropertyId == propertyId)).Should().Be(0);
            var jobs = await db.OutboxMessages.Where(m => m.PropertyId == propertyId).ToListAsync();
            jobs.Should().NotBeEmpty().And.OnlyContain(m => m.CancelledAt != null);
        });
        // Run this property's rows only: other tests' feeds (unreachable hosts) would be fetched on the fake clock.
        var rows = await Api.WithDbAsync(db => db.OutboxMessages.Where(m => m.PropertyId == propertyId).Select(m => m.Id).ToListAsync());
        foreach (var row in rows)
        {
            await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(Api.Services);
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Kasify.Infrastructure.Jobs.OutboxJobRunner>(scope.ServiceProvider).RunAsync(row, CancellationToken.None);
        }
        (await Api.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.PropertyId == propertyId && m.ProcessedAt != null))).Should().Be(0);
    }

    [Test]
    public async Task The_account_counts_its_properties()
    {
        var owner = await RegisterAsync();
        await CreateAsync(owner);
        await CreateAsync(owner);

        (await owner.Client.GetObjectAsync("/account"))["properties_count"]!.GetValue<int>().Should().Be(2);
    }
}
