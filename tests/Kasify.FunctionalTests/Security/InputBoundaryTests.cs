using System.Net;
using System.Net.Http.Headers;
using Kasify.FunctionalTests.Bookings;
using Kasify.FunctionalTests.Infrastructure;
using Kasify.FunctionalTests.Properties;
using Microsoft.EntityFrameworkCore;

namespace Kasify.FunctionalTests.Security;

/// <summary>Issue 10, items 4 and 12: the reported inputs that were a 500, and upload limits.</summary>
public sealed class InputBoundaryTests : ApiFixture
{
    private TestUser _owner = null!;
    private Guid _propertyId;

    [OneTimeSetUp]
    public async Task AnOwnerWithAProperty()
    {
        _owner = await RegisterAsync();
        _propertyId = await _owner.CreatePropertyAsync();
    }

    [TestCase("9999-12-25", "9999-12-31", "from")]
    [TestCase("0001-01-01", "0001-01-03", "from")]
    [TestCase("2026-07-01", "2101-01-01", "to")]
    [TestCase("1999-12-30", "2000-01-02", "from")]
    public async Task A_booking_dated_outside_2000_to_2100_is_a_400_naming_the_field_and_saves_nothing(string from, string to, string field)
    {
        var before = await Api.WithDbAsync(db => db.Bookings.CountAsync(b => b.PropertyId == _propertyId));

        var problem = await (await _owner.Client.PostJsonAsync($"/properties/{_propertyId}/bookings", BookingSteps.Guest(from, to)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKey(field);
        (await Api.WithDbAsync(db => db.Bookings.CountAsync(b => b.PropertyId == _propertyId))).Should().Be(before);
    }

    [Test]
    public async Task Moving_a_booking_to_year_9999_is_a_400()
    {
        var booking = await _owner.BookAsync(_propertyId, "2026-08-01", "2026-08-03");

        var problem = await (await _owner.Client.PatchJsonAsync($"/bookings/{booking["id"]}", new { from = "9999-12-25", to = "9999-12-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKeys("from", "to");
    }

    [TestCase("/calendar/upcoming?from=9999-12-15", "from")]
    [TestCase("/calendar/upcoming?from=0001-01-01&to=0001-01-02", "from")]
    [TestCase("/calendar/upcoming?to=9999-12-31", "to")]
    [TestCase("/properties/{id}/calendar?from=9999-12-01&to=9999-12-31", "from")]
    [TestCase("/properties/{id}/calendar?from=9999-12-20", "from")]
    [TestCase("/bookings?from=0001-01-01", "from")]
    [TestCase("/tasks?scheduled_from=0001-01-01", "scheduled_from")]
    [TestCase("/tasks?scheduled_to=9999-12-31T23:59:59Z", "scheduled_to")]
    public async Task Calendar_and_list_dates_outside_the_range_are_a_400_naming_the_field(string url, string field)
    {
        var problem = await (await _owner.Client.GetAsync(url.Replace("{id}", _propertyId.ToString()))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKey(field);
    }

    [TestCase("/bookings")]
    [TestCase("/properties/{id}/bookings")]
    [TestCase("/properties")]
    [TestCase("/tasks")]
    [TestCase("/guests")]
    [TestCase("/timeline/activity")]
    public async Task A_page_so_far_that_page_times_size_overflows_is_a_400(string url)
    {
        var problem = await (await _owner.Client.GetAsync(url.Replace("{id}", _propertyId.ToString()) + "?page=2147483647&size=100"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKey("page");
    }

    [Test]
    public async Task Tasks_dated_outside_the_range_are_a_400()
    {
        var problem = await (await _owner.Client.PostJsonAsync("/tasks",
            new { property_id = _propertyId, task_type = "pool", from = "9999-12-31T20:00:00Z", to = "9999-12-31T23:00:00Z" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors().Should().ContainKeys("from", "to");
    }

    [Test]
    public async Task A_garbage_multipart_cover_image_is_a_400()
    {
        var garbage = new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n\0\u0001--x"u8.ToArray());
        garbage.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");

        await (await _owner.Client.PostAsync($"/properties/{_propertyId}/cover-image", garbage)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_chunked_upload_over_the_limit_is_refused_while_it_streams()
    {
        // 40 MiB announced by nothing (chunked); after 8 MiB the body stalls until the answer is in. A server that
        // buffers the whole upload before judging it never answers.
        var body = new StallingStream(40 * 1024 * 1024, stallAfter: 8 * 1024 * 1024);
        var content = new StreamContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/properties/{_propertyId}/cover-image") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        // The raw TestServer client: WebApplicationFactory's redirect handler would buffer the whole body first.
        using var client = Api.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = _owner.Client.DefaultRequestHeaders.Authorization;
        var send = client.SendAsync(request);
        var finished = await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(30)));
        body.Release();

        finished.Should().BeSameAs(send, "the upload must be refused before the stalled bytes are needed");
        await (await send).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase("jpeg")]
    [TestCase("png")]
    public async Task Camera_metadata_is_stripped_from_a_cover_image_before_it_is_served(string kind)
    {
        var (withMetadata, clean) = kind == "jpeg" ? (TinyImages.JpegWithExif, TinyImages.Jpeg) : (TinyImages.PngWithText, TinyImages.Png);
        var file = new ByteArrayContent(withMetadata);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/" + kind);

        var saved = await (await _owner.Client.PostAsync($"/properties/{_propertyId}/cover-image",
            new MultipartFormDataContent { { file, "file", "holiday." + kind } })).ShouldBeAsync(HttpStatusCode.Created);

        var served = await Anonymous().GetByteArrayAsync(new Uri(saved["url"]!.GetValue<string>()).PathAndQuery);
        System.Text.Encoding.ASCII.GetString(served).Should().NotContain(TinyImages.GpsMarker);
        served.Should().Equal(clean);
        saved["size_bytes"]!.GetValue<long>().Should().Be(clean.Length);
    }

    /// <summary>A multipart-looking body that stops delivering after <c>stallAfter</c> bytes until released.</summary>
    private sealed class StallingStream(long length, long stallAfter) : Stream
    {
        private static readonly byte[] Head = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\nContent-Type: image/png\r\n\r\n"u8.ToArray();
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _served;

        public void Release() => _released.TrySetResult();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            if (_served >= stallAfter)
            {
                await _released.Task.WaitAsync(ct);
                return 0;
            }
            var n = (int)Math.Min(count, Math.Min(length, stallAfter) - _served);
            for (var i = 0; i < n; i++) buffer[offset + i] = _served + i < Head.Length ? Head[_served + i] : (byte)'a';
            _served += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var array = new byte[buffer.Length];
            return new ValueTask<int>(ReadAsync(array, 0, array.Length, ct).ContinueWith(t =>
            {
                array.AsSpan(0, t.Result).CopyTo(buffer.Span);
                return t.Result;
            }, ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default));
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
