using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.Egrul.Tests.Infrastructure;

/// <summary>
/// A DaData stand-in: a real Kestrel server on a loopback port that records every request (method, path,
/// Authorization header, body) and answers with the reply the test chose — a saved payload, a derived variant, an
/// error status, a slow answer. Replies are taken from a queue first, then the default reply applies.
/// </summary>
internal sealed class FakeDaData : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _queue = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    private FakeDaData(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The reply when the queue is empty.</summary>
    public FakeReply Default { get; set; } = FakeReply.Json(DaDataPayloads.Motorika());

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public static async Task<FakeDaData> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDaData(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return fake;
    }

    /// <summary>Answers the next requests with these replies, in order.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _queue.Enqueue(reply);
        }
    }

    public void Reset()
    {
        _queue.Clear();
        _requests.Clear();
        Default = FakeReply.Json(DaDataPayloads.Motorika());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        _requests.Enqueue(new FakeRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType ?? "",
            context.Request.Headers.Accept.ToString(),
            body));
        var reply = _queue.TryDequeue(out var queued) ? queued : Default;
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body);
        }
    }
}

/// <summary>One request the fake received.</summary>
internal sealed record FakeRequest(string Method, string Path, string Authorization, string ContentType, string Accept, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}

/// <summary>What the fake answers.</summary>
internal sealed record FakeReply(int Status, string? Body, string ContentType = "application/json")
{
    public TimeSpan Delay { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static FakeReply Json(JsonNode body) => new(200, body.ToJsonString());

    public static FakeReply Error(int status, string? retryAfter = null) => new(status, """{"family":"CLIENT_ERROR","reason":"Forbidden"}""")
    {
        Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    public static FakeReply Slow(TimeSpan delay, JsonNode body) => new(200, body.ToJsonString()) { Delay = delay };
}
