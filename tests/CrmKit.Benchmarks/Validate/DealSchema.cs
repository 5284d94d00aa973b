using System.Globalization;
using System.Text.Json.Nodes;

namespace CrmKit.Benchmarks.Validate;

/// <summary>A hand-written 12-field deal schema using most supported keywords, and records for it.</summary>
internal static class DealSchema
{
    public const string Json = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "properties": {
            "title": { "type": "string", "minLength": 1, "maxLength": 200 },
            "stage": { "type": "string", "enum": ["new", "qualified", "proposal", "negotiation", "won", "lost"] },
            "amount": { "type": "number", "minimum": 0, "maximum": 1000000000000 },
            "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
            "probability": { "type": "integer", "minimum": 0, "maximum": 100, "multipleOf": 5 },
            "expected_close": { "type": "string", "format": "date" },
            "closed_at": { "type": "string", "format": "date-time" },
            "contact_email": { "type": "string", "format": "email", "maxLength": 254 },
            "website": { "type": "string", "format": "uri", "maxLength": 2048 },
            "owner_id": { "type": "string", "format": "uuid" },
            "tags": {
              "type": "array",
              "items": { "type": "string", "enum": ["vip", "partner", "tender", "renewal", "upsell", "urgent"] },
              "uniqueItems": true,
              "maxItems": 6
            },
            "is_priority": { "type": "boolean" }
          },
          "required": ["title", "stage", "amount", "currency"],
          "additionalProperties": false
        }
        """;

    private static readonly string[] Stages = ["new", "qualified", "proposal", "negotiation", "won", "lost"];
    private static readonly string[] Tags = ["vip", "partner", "tender", "renewal", "upsell", "urgent"];
    private static readonly string[] Titles = ["Поставка оборудования", "Годовая лицензия", "Внедрение CRM", "Support renewal", "Консалтинг", "Аудит безопасности"];

    /// <summary>Makes valid deal records as JSON text.</summary>
    public static string[] Records(int count, int seed)
    {
        var random = new Random(seed);
        var records = new string[count];
        for (var i = 0; i < count; i++)
        {
            var tags = new JsonArray();
            foreach (var tag in Tags.OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
            {
                tags.Add(tag);
            }

            var deal = new JsonObject
            {
                ["title"] = Titles[random.Next(Titles.Length)] + " №" + i.ToString(CultureInfo.InvariantCulture),
                ["stage"] = Stages[random.Next(Stages.Length)],
                ["amount"] = JsonNode.Parse(random.Next(1_000, 10_000_000).ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 100).ToString("D2", CultureInfo.InvariantCulture)),
                ["currency"] = random.Next(4) == 0 ? "USD" : "RUB",
                ["probability"] = random.Next(0, 21) * 5,
                ["expected_close"] = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["closed_at"] = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 31_536_000)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["contact_email"] = "buyer" + i.ToString(CultureInfo.InvariantCulture) + "@client.example.ru",
                ["website"] = "https://client" + (i % 500).ToString(CultureInfo.InvariantCulture) + ".example.com/about?ref=crm",
                ["owner_id"] = RandomUuid(random).ToString("D"),
                ["tags"] = tags,
                ["is_priority"] = random.Next(5) == 0,
            };
            records[i] = deal.ToJsonString();
        }

        return records;
    }

    // A version-4 UUID from the seeded generator, so runs are repeatable.
    private static Guid RandomUuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(0x40 | (bytes[7] & 0x0f));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3f));
        return new Guid(bytes);
    }
}
