using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Sdk.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests;

/// <summary>An unexpected exception becomes a 500 problem with a trace id and nothing else.</summary>
public sealed class ServerErrorTests : IClassFixture<CrmKitServerFactory>
{
    private const string Secret = "connection string with password=hunter2";

    private readonly CrmApi _api;

    public ServerErrorTests(CrmKitServerFactory factory)
    {
        var failing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.AddSingleton<IHttpPrincipalResolver, ThrowingResolver>()));
        _api = new CrmApi(failing.CreateClient());
    }

    [Fact]
    public async Task UnexpectedException_ShouldReturn500WithOnlyCodeAndTraceId()
    {
        using var response = await _api.GetAsync("/api/records/contact");

        var problem = await response.ShouldBeProblemAsync(500, "server.error");
        problem["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        problem.ToJsonString().ShouldNotContain("hunter2");
        problem.ContainsKey("errors").ShouldBeFalse();
    }

    [Fact]
    public async Task UnexpectedException_ShouldBeLocalized()
    {
        using var response = await _api.GetAsync("/api/records/contact", "ru");

        var problem = await response.ShouldBeProblemAsync(500, "server.error");
        problem["title"]!.GetValue<string>().ShouldMatch("[а-яА-Я]");
    }

    private sealed class ThrowingResolver : IHttpPrincipalResolver
    {
        public ValueTask<CrmPrincipal> ResolveAsync(HttpContext context) => throw new InvalidOperationException(Secret);
    }
}
