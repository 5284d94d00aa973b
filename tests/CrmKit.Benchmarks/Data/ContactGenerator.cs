using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrmKit.Benchmarks.Data;

/// <summary>
/// Makes deterministic, realistic contacts: Russian names, e-mails, Russian mobile numbers written the way people
/// type them (<c>8 (916) 123-45-67</c>, normalized to E.164 by CrmKit), money, decimals, dates, enums.
/// </summary>
internal sealed class ContactGenerator
{
    /// <summary>The field count of every generated contact.</summary>
    public const int FieldCount = 12;

    /// <summary>The serializer options CrmKit's store uses (RecordJson): compact, Cyrillic kept as is.</summary>
    public static readonly JsonSerializerOptions StoredJsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    private static readonly string[] FirstNames =
        ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Светлана", "Алексей", "Дмитрий", "Сергей", "Андрей", "Иван", "Михаил", "Николай", "Павел"];

    private static readonly string[] FirstNamesLatin =
        ["anna", "maria", "elena", "olga", "natalia", "irina", "tatiana", "svetlana", "alexey", "dmitry", "sergey", "andrey", "ivan", "mikhail", "nikolay", "pavel"];

    private static readonly string[] LastNames =
        ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров"];

    private static readonly string[] LastNamesLatin =
        ["ivanov", "smirnov", "kuznetsov", "popov", "vasiliev", "petrov", "sokolov", "mikhailov", "novikov", "fedorov", "morozov", "volkov", "alekseev", "lebedev", "semenov", "egorov"];

    private static readonly string[] Domains = ["example.ru", "mail.example.com", "corp.example.org", "example.kz"];

    private static readonly string[] Positions =
        ["Менеджер по продажам", "Генеральный директор", "Главный бухгалтер", "Руководитель отдела закупок", "Head of Procurement", "IT-директор", "Юрист", "Маркетолог"];

    private static readonly string[] Sources = ["website", "telegram", "vk", "referral", "cold_call", "other"];

    private static readonly string[] MobileCodes = ["903", "905", "910", "915", "916", "925", "926", "977", "985", "999"];

    private readonly Random _random;
    private readonly int _referralCodes;

    /// <param name="seed">The seed; equal seeds give equal contacts.</param>
    /// <param name="referralCodes">How many distinct referral codes to draw from.</param>
    public ContactGenerator(int seed, int referralCodes)
    {
        _random = new Random(seed);
        _referralCodes = referralCodes;
    }

    /// <summary>The referral code with the given number.</summary>
    public static string ReferralCode(int number) => "R-" + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The next contact as a request body would carry it (JSON text).</summary>
    public string NextInputJson(int index)
    {
        var name = _random.Next(FirstNames.Length);
        var last = _random.Next(LastNames.Length);
        var female = name < 8;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("first_name", FirstNames[name]);
            writer.WriteString("last_name", LastNames[last] + (female ? "а" : ""));
            writer.WriteString("email", string.Create(CultureInfo.InvariantCulture,
                $"{FirstNamesLatin[name]}.{LastNamesLatin[last]}{(female ? "a" : "")}{index}@{Domains[index % Domains.Length]}"));
            var code = MobileCodes[_random.Next(MobileCodes.Length)];
            var number = _random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            writer.WriteString("phone", $"8 ({code}) {number[..3]}-{number[3..5]}-{number[5..]}");
            writer.WriteString("position", Positions[_random.Next(Positions.Length)]);
            writer.WriteString("birthday", new DateOnly(1960, 1, 1).AddDays(_random.Next(0, 16_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("source", Sources[_random.Next(Sources.Length)]);
            writer.WriteString(ContactSchema.QueryField, ReferralCode(_random.Next(_referralCodes)));
            writer.WriteStartObject("credit_limit");
            writer.WritePropertyName("amount");

            // Raw number text keeps the written scale (250000.50), as a request body would carry it.
            writer.WriteRawValue(Text(_random.Next(1, 50_000) * 100) + "." + _random.Next(0, 100).ToString("D2", CultureInfo.InvariantCulture));
            writer.WriteString("currency", _random.Next(10) < 8 ? "RUB" : "KZT");
            writer.WriteEndObject();
            writer.WritePropertyName("discount");
            writer.WriteRawValue(Text(_random.Next(0, 30)) + "." + Text(_random.Next(0, 10)));
            writer.WriteNumber("loyalty_points", _random.Next(0, 100_000));
            writer.WriteBoolean("subscribed", _random.Next(2) == 0);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The data column CrmKit stores for an input: the phone in E.164, everything else as written, serialized with
    /// the store's options (the baselines insert exactly this text).
    /// </summary>
    public static string ToStoredJson(string inputJson)
    {
        var values = (JsonObject)JsonNode.Parse(inputJson)!;
        var phone = values["phone"]!.GetValue<string>();
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        values["phone"] = "+7" + digits[1..];
        return values.ToJsonString(StoredJsonOptions);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
