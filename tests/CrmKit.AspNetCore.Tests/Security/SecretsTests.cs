using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Core.Settings;
using CrmKit.Sdk.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>
/// Secrets at rest and in logs: a plugin setting marked secret is stored encrypted and never returned; API keys are
/// stored as hashes and shown once; and none of them — nor the administrator's key, nor a refused key — reaches the
/// logs, captured at every level while the server works with them.
/// </summary>
public sealed class SecretsTests : IDisposable
{
    private const string PluginSecret = "plugin-Secret-7f3a91c2e4";
    private const string WrongKey = "crmk_wrongwrongwrong_aSecretNobodyShouldEverSeeInTheLogs000000";
    private readonly CrmKitServerFactory _factory = new() { Logs = new LogCapture() };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Secrets_ShouldBeEncryptedAtRest_NeverReturned_AndNeverLogged()
    {
        var security = new SecurityApi(_factory);
        var module = "acme.vault";
        _factory.Services.GetRequiredService<IModuleSettingsService>().RegisterSchema(module, new ModuleSettingsSchema(module, JsonNode.Parse("""
            {"type": "object", "properties": {"endpoint": {"type": "string"}, "token": {"type": "string", "writeOnly": true}}}
            """)!.AsObject()));

        using (var saved = await security.Admin.SendJsonAsync(HttpMethod.Put, $"/api/plugins/{module}/settings",
            new JsonObject { ["values"] = new JsonObject { ["endpoint"] = "https://vault.example", ["token"] = PluginSecret } }.ToJsonString()))
        {
            (await saved.Content.ReadAsStringAsync()).ShouldNotContain(PluginSecret);
        }

        var userKey = await security.ClientForNewUserAsync("keeper", "administrator");
        var createdKey = await security.CreateKeyAsync("keeper");
        (await security.As(createdKey).GetJsonAsync("/api/me"))["id"]!.GetValue<string>().ShouldBe("keeper");
        using (var refused = await security.As(WrongKey).GetAsync("/api/me"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var shown = await security.Admin.GetAsync($"/api/plugins/{module}/settings");
        (await shown.Content.ReadAsStringAsync()).ShouldNotContain(PluginSecret);
        var stored = ReadDatabase();
        stored.ShouldNotContain(PluginSecret);
        stored.ShouldContain("$protected");
        stored.ShouldNotContain(SecretOf(createdKey));
        stored.ShouldNotContain(SecretOf(TestServerFactory.AdminKey));
        _ = userKey;

        var logs = _factory.Logs!.Text;
        logs.ShouldContain("API key id testadmin0000", Case.Sensitive, "the capture sees the security layer's own messages");
        logs.ShouldContain("auth.invalid_credentials", Case.Sensitive, "the capture sees the refused authentication");
        foreach (var secret in (string[])[PluginSecret, createdKey, SecretOf(createdKey), SecretOf(TestServerFactory.AdminKey), SecretOf(WrongKey)])
        {
            logs.ShouldNotContain(secret, Case.Sensitive, $"a secret reached the logs");
        }
    }

    /// <summary>Every text of the security objects and settings, as stored in the SQLite file.</summary>
    private string ReadDatabase()
    {
        using var connection = new SqliteConnection("Data Source=" + _factory.DatabasePath + ";Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM crm_security UNION ALL SELECT value FROM crm_settings";
        using var reader = command.ExecuteReader();
        var text = new System.Text.StringBuilder();
        while (reader.Read())
        {
            text.AppendLine(reader.GetString(0));
        }

        return text.ToString();
    }

    /// <summary>
    /// The secret part of a <c>crmk_&lt;id&gt;_&lt;secret&gt;</c> key: everything after the second underscore (the secret is
    /// base64url and may itself contain underscores, so splitting on them would cut it short).
    /// </summary>
    private static string SecretOf(string key) => key[(key.IndexOf('_', key.IndexOf('_') + 1) + 1)..];
}
