using System.Net;
using System.Net.Http.Headers;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>API keys over HTTP: who may call what without credentials, the ways a key is presented, and why one is refused.</summary>
public sealed class AuthenticationTests(CrmKitServerFactory factory) : IClassFixture<CrmKitServerFactory>
{
    private readonly SecurityApi _security = new(factory);

    [Theory]
    [InlineData("/api/records/contact")]
    [InlineData("/api/metadata/entities")]
    [InlineData("/api/me")]
    [InlineData("/api/users")]
    [InlineData("/api/plugins")]
    [InlineData("/openapi/v1.json")]
    public async Task Anonymous_ShouldBeRefused_WithAChallenge(string path)
    {
        using var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        await response.ShouldBeProblemAsync(401, "auth.required");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task Health_ShouldAnswerAnonymousCallers()
    {
        using var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("ApiKey")]
    [InlineData("X-Api-Key")]
    public async Task Key_ShouldBeAccepted_InEachOfItsHeaders(string how)
    {
        var id = SecurityApi.NewId("key");
        await _security.CreateUserAsync(id, "administrator");
        var key = await _security.CreateKeyAsync(id);
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (how == "X-Api-Key")
        {
            request.Headers.Add("X-Api-Key", key);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(how, key);
        }

        using var response = await client.SendAsync(request);

        (await response.ShouldBeJsonAsync(HttpStatusCode.OK))["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Theory]
    [InlineData("crmk_unknownkey000_aSecretThatIsLongEnoughToLookLikeAKey00000")]
    [InlineData("crmk_testadmin0000_aVeryLongSecretForTheTestAdministratorXXXXXX")]
    [InlineData("crmk_short")]
    [InlineData("not-a-key-at-all")]
    public async Task WrongKey_ShouldBeRefused_WithoutSayingWhichPartWasWrong(string key)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/records/contact");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);

        using var response = await client.SendAsync(request);

        await response.ShouldBeProblemAsync(401, "auth.invalid_credentials");
    }

    [Fact]
    public async Task BearerToken_ShouldBeRefused_WhenNoJwtIsConfigured()
    {
        using var client = factory.CreateClient("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.x");

        using var response = await client.GetAsync("/api/me");

        await response.ShouldBeProblemAsync(401, "auth.invalid_credentials");
    }

    [Fact]
    public async Task RevokedKey_ShouldBeRefusedAtOnce()
    {
        var id = SecurityApi.NewId("rev");
        await _security.CreateUserAsync(id, "administrator");
        var key = await _security.CreateKeyAsync(id);
        var api = _security.As(key);
        (await api.GetJsonAsync("/api/me"))["id"]!.GetValue<string>().ShouldBe(id);
        var keyId = key.Split('_')[1];

        using (var revoke = await _security.Admin.SendJsonAsync(HttpMethod.Delete, "/api/api-keys/" + keyId, ""))
        {
            (await revoke.ShouldBeJsonAsync(HttpStatusCode.OK))["revokedAt"].ShouldNotBeNull();
        }

        using var response = await api.GetAsync("/api/me");
        await response.ShouldBeProblemAsync(401, "auth.key_revoked");
    }

    [Fact]
    public async Task ExpiredKey_ShouldBeRefused()
    {
        var id = SecurityApi.NewId("exp");
        await _security.CreateUserAsync(id, "administrator");
        var created = await _security.Admin.CreateAsync("/api/api-keys", new()
        {
            ["name"] = "short-lived",
            ["userId"] = id,
            ["expiresAt"] = DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"),
        });
        var api = _security.As(created["key"]!.GetValue<string>());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var response = await api.GetAsync("/api/me");

        await response.ShouldBeProblemAsync(401, "auth.key_expired");
    }

    [Fact]
    public async Task KeyOfADeactivatedAccount_ShouldBeRefused_AndWorkAgainWhenReactivated()
    {
        var id = SecurityApi.NewId("off");
        var api = await _security.ClientForNewUserAsync(id, "administrator");

        using (var off = await _security.Admin.PatchJsonAsync("/api/users/" + id, """{"active": false}"""))
        {
            await off.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        using (var refused = await api.GetAsync("/api/me"))
        {
            await refused.ShouldBeProblemAsync(401, "auth.account_inactive");
        }

        using (var on = await _security.Admin.PatchJsonAsync("/api/users/" + id, """{"active": true}"""))
        {
            await on.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        (await api.GetJsonAsync("/api/me"))["id"]!.GetValue<string>().ShouldBe(id);
    }

    [Theory]
    [InlineData("read", "GET", "/api/records/contact", 200)]
    [InlineData("read", "POST", "/api/records/contact", 403)]
    [InlineData("read", "POST", "/api/api-keys", 403)]
    [InlineData("write", "POST", "/api/records/contact", 201)]
    [InlineData("write", "POST", "/api/metadata/entities/contact/fields", 403)]
    [InlineData("write", "POST", "/api/api-keys", 403)]
    [InlineData("admin", "POST", "/api/records/contact", 403)]
    [InlineData("admin", "POST", "/api/api-keys", 201)]
    public async Task KeyScopes_ShouldNarrowWhatTheAccountMayDo(string scope, string method, string path, int expected)
    {
        var id = SecurityApi.NewId("scope");
        await _security.CreateUserAsync(id, "administrator");
        var api = _security.As(await _security.CreateKeyAsync(id, scope));
        var body = path switch
        {
            "/api/records/contact" => """{"first_name": "Ира"}""",
            "/api/api-keys" => """{"name": "minted"}""",
            _ => """{"name": "nickname_x", "schema": {"x-crm-type": "string"}}""",
        };

        using var response = method == "GET" ? await api.GetAsync(path) : await api.PostJsonAsync(path, body);

        if (expected == 403)
        {
            (await response.ShouldBeProblemAsync(403, "auth.insufficient_scope"))["scope"].ShouldNotBeNull();
        }
        else
        {
            ((int)response.StatusCode).ShouldBe(expected, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("""{"name": "k", "scopes": []}""", "apikey.no_scope", "/scopes")]
    [InlineData("""{"name": "k", "scopes": ["everything"]}""", "apikey.invalid_scope", "/scopes")]
    [InlineData("""{"name": "k", "expiresAt": "tomorrow"}""", "apikey.invalid_expiry", "/expiresAt")]
    [InlineData("""{"name": "k", "expiresAt": "2001-01-01T00:00:00Z"}""", "apikey.expiry_past", "/expiresAt")]
    [InlineData("""{"name": "k", "userId": "nobody-at-all"}""", "apikey.account_inactive", "/userId")]
    [InlineData("""{"scopes": ["read"]}""", "security.required", "/name")]
    public async Task KeyRequest_ShouldBeValidated_WithThePointer(string body, string code, string pointer)
    {
        using var response = await _security.Admin.PostJsonAsync("/api/api-keys", body);

        var problem = await response.ShouldBeProblemAsync(422, "security.invalid");
        problem.ErrorCodes().ShouldBe([code]);
        problem.Pointers().ShouldBe([pointer]);
    }

    [Fact]
    public async Task KeyForADeactivatedAccount_ShouldNotBeMade()
    {
        var id = SecurityApi.NewId("asleep");
        await _security.CreateUserAsync(id);
        using (var off = await _security.Admin.PatchJsonAsync("/api/users/" + id, """{"active": false}"""))
        {
            await off.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        using var response = await _security.Admin.PostJsonAsync("/api/api-keys", $$"""{"name": "k", "userId": "{{id}}"}""");

        (await response.ShouldBeProblemAsync(422, "security.invalid")).ErrorCodes().ShouldBe(["apikey.account_inactive"]);
    }

    [Fact]
    public async Task ApiKey_ShouldNeverBeReturnedAgain_AfterItIsCreated()
    {
        var id = SecurityApi.NewId("list");
        await _security.CreateUserAsync(id, "administrator");
        var key = await _security.CreateKeyAsync(id);

        using var response = await _security.Admin.GetAsync("/api/api-keys?userId=" + id);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain(key.Split('_')[1]);
        text.ShouldNotContain(SecretOf(key));
        text.ShouldNotContain("hash");
    }

    /// <summary>
    /// The secret part of a <c>crmk_&lt;id&gt;_&lt;secret&gt;</c> key: everything after the second underscore (the secret is
    /// base64url and may itself contain underscores, so splitting on them would cut it short).
    /// </summary>
    private static string SecretOf(string key) => key[(key.IndexOf('_', key.IndexOf('_') + 1) + 1)..];
}
