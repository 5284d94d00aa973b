using System.Text;
using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.AspNetCore.Tests.Security;

namespace CrmKit.AspNetCore.Tests.Extensions;

/// <summary><c>/api/ext/{name}</c>: modules' HTTP endpoints, with the host's authentication, scopes and body cap.</summary>
public sealed class HttpEndpointTests(HttpEndpointServerFactory factory) : IClassFixture<HttpEndpointServerFactory>
{
    [Fact]
    public async Task AuthenticatedEndpoint_ShouldSeeTheCallerQueryHeadersAndBody()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ext/test-echo?q=42") { Content = new StringContent("привет", Encoding.UTF8) };
        request.Headers.Add("X-Test", "t");

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(202);
        response.Headers.GetValues("X-Echo").ShouldBe(["yes"]);
        (await response.Content.ReadAsStringAsync()).ShouldBe("admin|POST|42|t|привет");
    }

    [Fact]
    public async Task AuthenticatedEndpoint_ShouldRefuseAnonymousCalls()
    {
        using var response = await factory.CreateAnonymousClient().GetAsync("/api/ext/test-echo");

        await response.ShouldBeProblemAsync(401, "auth.required");
    }

    [Fact]
    public async Task ReadScopedKey_ShouldGetButNotPost()
    {
        var security = new SecurityApi(factory);
        var id = SecurityApi.NewId("ext");
        await security.CreateUserAsync(id, "administrator");
        using var client = factory.CreateClient(await security.CreateKeyAsync(id, "read"));

        using var get = await client.GetAsync("/api/ext/test-echo");
        using var post = await client.PostAsync("/api/ext/test-echo", new StringContent("x"));

        ((int)get.StatusCode).ShouldBe(202);
        (await post.ShouldBeProblemAsync(403, "auth.insufficient_scope"))["scope"]!.GetValue<string>().ShouldBe("write");
    }

    [Fact]
    public async Task BodyOverTheEndpointsLimit_ShouldBe413()
    {
        using var client = factory.CreateClient();

        using var declared = await client.PostAsync("/api/ext/test-echo", new StringContent(new string('x', 17)));
        using var chunked = await client.PostAsync("/api/ext/test-echo", new StreamContent(new MemoryStream(new byte[17])));

        await declared.ShouldBeProblemAsync(413, "request.too_large");
        await chunked.ShouldBeProblemAsync(413, "request.too_large");
    }

    [Fact]
    public async Task AnonymousEndpoint_ShouldBeReachedWithoutCredentials()
    {
        using var response = await factory.CreateAnonymousClient().GetAsync("/api/ext/test-open");

        (await response.Content.ReadAsStringAsync()).ShouldBe("anonymous");
    }

    [Fact]
    public async Task UnknownEndpoint_ShouldBe404()
    {
        using var response = await factory.CreateAnonymousClient().GetAsync("/api/ext/no-such");

        await response.ShouldBeProblemAsync(404, "endpoint.not_found");
    }

    [Fact]
    public async Task OtherMethods_ShouldNotBeRouted()
    {
        using var response = await factory.CreateClient().DeleteAsync("/api/ext/test-echo");

        ((int)response.StatusCode).ShouldBe(405);
    }
}
