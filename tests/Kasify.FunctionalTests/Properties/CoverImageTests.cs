using System.Net;
using System.Net.Http.Headers;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Properties;

public sealed class CoverImageTests : ApiFixture
{
    private static readonly byte[] Png = TinyImages.Png;
    private static readonly byte[] Jpeg = TinyImages.Jpeg;
    private static readonly byte[] WebP = TinyImages.WebP;

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName = "cover.png", string declaredType = "image/png", string part = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return new MultipartFormDataContent { { file, part, fileName } };
    }

    private async Task<(TestUser Owner, string PropertyId)> PropertyAsync()
    {
        var owner = await RegisterAsync();
        var property = await (await owner.Client.PostJsonAsync("/properties", PropertyRequests.Minimal())).ShouldBeAsync(HttpStatusCode.Created);
        return (owner, property["id"]!.ToString());
    }

    [TestCase("png")]
    [TestCase("jpeg")]
    [TestCase("webp")]
    public async Task An_image_recognised_by_its_content_becomes_the_cover_and_is_served_publicly(string kind)
    {
        var (owner, id) = await PropertyAsync();
        var bytes = kind switch { "png" => Png, "jpeg" => Jpeg, _ => WebP };

        var file = await (await owner.Client.PostAsync($"/properties/{id}/cover-image", Upload(bytes, declaredType: "application/octet-stream")))
            .ShouldBeAsync(HttpStatusCode.Created);

        file.Select(p => p.Key).Should().Equal("id", "url", "original_filename", "content_type", "size_bytes");
        file["content_type"]!.GetValue<string>().Should().Be($"image/{kind}");
        file["size_bytes"]!.GetValue<long>().Should().Be(bytes.Length);
        file["original_filename"]!.GetValue<string>().Should().Be("cover.png");
        (await owner.Client.GetObjectAsync($"/properties/{id}"))["cover_image_url"]!.GetValue<string>().Should().Be(file["url"]!.GetValue<string>());

        var served = await Anonymous().GetAsync(new Uri(file["url"]!.GetValue<string>()).PathAndQuery);
        served.StatusCode.Should().Be(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.Should().Be($"image/{kind}");
        served.Headers.CacheControl!.Public.Should().BeTrue();
        served.Headers.CacheControl.MaxAge.Should().BeGreaterThan(TimeSpan.FromDays(30));
        served.Headers.ETag.Should().NotBeNull();
        (await served.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
    }

    [Test]
    public async Task A_file_that_is_not_an_image_is_a_415_even_if_it_claims_to_be_one()
    {
        var (owner, id) = await PropertyAsync();

        await (await owner.Client.PostAsync($"/properties/{id}/cover-image", Upload("<svg onload=alert(1)>"u8.ToArray(), "x.png", "image/png")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

        (await Api.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.AccountId == owner.AccountId))).Should().Be(0);
    }

    [Test]
    public async Task An_image_over_5_MiB_is_a_413()
    {
        var (owner, id) = await PropertyAsync();
        var big = new byte[5 * 1024 * 1024 + 1];
        Png.CopyTo(big, 0);

        await (await owner.Client.PostAsync($"/properties/{id}/cover-image", Upload(big))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        (await Api.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.AccountId == owner.AccountId))).Should().Be(0);
    }

    [Test]
    public async Task A_missing_file_part_is_a_400_and_a_non_multipart_body_a_415()
    {
        var (owner, id) = await PropertyAsync();

        var missing = await (await owner.Client.PostAsync($"/properties/{id}/cover-image", Upload(Png, part: "image"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing.Errors().Should().ContainKey("file");
        await (await owner.Client.PostAsync($"/properties/{id}/cover-image", new ByteArrayContent(Png))).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Replacing_the_cover_deletes_the_old_file_and_deleting_clears_it()
    {
        var (owner, id) = await PropertyAsync();
        var first = await (await owner.Client.PostAsync($"/properties/{id}/cover-image", Upload(Png))).ShouldBeAsync(HttpStatusCode.Created);
        var second = await (await owner.Client.PostAsync($"/properties/{id}/cover-image", Upload(Jpeg, "b.jpg"))).ShouldBeAsync(HttpStatusCode.Created);

        (await Anonymous().GetAsync($"/files/{first["id"]}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Anonymous().GetAsync($"/files/{second["id"]}")).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await owner.Client.DeleteAsync($"/properties/{id}/cover-image")).ShouldBeAsync(HttpStatusCode.NoContent);

        (await owner.Client.GetObjectAsync($"/properties/{id}"))["cover_image_url"].Should().BeNull();
        (await Anonymous().GetAsync($"/files/{second["id"]}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Another_account_cannot_upload_a_cover()
    {
        var (_, id) = await PropertyAsync();
        var stranger = await RegisterAsync();

        await (await stranger.Client.PostAsync($"/properties/{id}/cover-image", Upload(Png))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Deleting_a_property_deletes_its_cover_file()
    {
        var (owner, id) = await PropertyAsync();
        var file = await (await owner.Client.PostAsync($"/properties/{id}/cover-image", Upload(Png))).ShouldBeAsync(HttpStatusCode.Created);

        await (await owner.Client.DeleteAsync($"/properties/{id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        (await Anonymous().GetAsync($"/files/{file["id"]}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
