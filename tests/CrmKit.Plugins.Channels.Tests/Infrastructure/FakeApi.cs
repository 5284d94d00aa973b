using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.Channels.Tests.Infrastructure;

/// <summary>
/// A stand-in for the Telegram Bot API or the VK API: a real Kestrel server on a loopback port that records every
/// request (method, path, content type, body) and answers with the JSON the test chose.
/// </summary>
public sealed class FakeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    private FakeApi(WebApplication app, Func<FakeRequest, string> reply)
    {
        _app = app;
        Reply = reply;
    }

    public string BaseUrl { get; private set; } = "";

    public Func<FakeRequest, string> Reply { get; set; }

    /// <summary>The HTTP status of the answers (the Bot API answers its errors with their own status, 403, 429...).</summary>
    public int Status { get; set; } = 200;

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public static async Task<FakeApi> StartAsync(Func<FakeRequest, string> reply)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeApi(app, reply);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = new FakeRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.ContentType ?? "", await reader.ReadToEndAsync());
        _requests.Enqueue(request);
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Reply(request));
    }
}

/// <summary>One recorded request.</summary>
public sealed record FakeRequest(string Method, string Path, string ContentType, string Body);
