using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Xml;

namespace CrmKit.Plugins.OneC.Import;

/// <summary>
/// Reads CommerceML files leniently — strict on output, lenient on input: any schema version (2.05 to 2.10), with or
/// without the namespace, in UTF-8 or windows-1251 as the XML declaration says; unknown elements are skipped
/// (НомерВерсии, ПометкаУдаления, Номер1С...), children in any order, a root-level Контрагенты, dirty values (a КПП of
/// 10 characters, "руб" for RUB, decimal commas). What it does not bend on is safety: the file is read through
/// <see cref="SafeXml"/> (no DTD, so no entity expansion and no external entities), capped in size, streamed item by
/// item; and the bytes must match the declared encoding. Any failure is a <see cref="CrmException"/> with a clear code,
/// raised before anything is written.
/// </summary>
internal static partial class CommerceMlReader
{
    static CommerceMlReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads a file (a seekable stream: the encoding is checked in a first pass).</summary>
    public static ImportPackage Read(Stream input, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.CanSeek && input.Length > maxBytes)
        {
            throw ImportErrors.TooLarge(maxBytes);
        }

        if (input.CanSeek)
        {
            CheckEncoding(input);
            input.Position = 0;
        }

        var settings = SafeXml.CreateSettings(maxBytes);
        settings.Async = false;
        settings.IgnoreComments = true;
        settings.IgnoreWhitespace = true;
        var package = new ImportPackage();
        try
        {
            using var reader = SafeXml.CreateReader(input, settings);
            reader.MoveToContent();
            if (reader.LocalName != "КоммерческаяИнформация")
            {
                throw ImportErrors.NotCommerceMl(reader.LocalName);
            }

            package.SchemaVersion = reader.GetAttribute("ВерсияСхемы");
            var inCatalog = false;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Каталог":
                        inCatalog = true;
                        reader.Read();
                        break;
                    case "Документ":
                        ReadDocument(Item(reader), package);
                        break;
                    case "Товар" when inCatalog:
                        ReadProduct(Item(reader), package);
                        break;
                    case "Предложение":
                        ReadOffer(Item(reader), package);
                        break;
                    case "Контрагент":
                        AddCounterparty(package, ReadCounterparty(Item(reader)));
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException exception) when (exception.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw ImportErrors.DtdProhibited(exception.LineNumber, exception.LinePosition);
        }
        catch (XmlException exception) when (exception.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal)
            || exception.Message.Contains("maximum allowed", StringComparison.OrdinalIgnoreCase))
        {
            throw ImportErrors.TooLarge(maxBytes);
        }
        catch (XmlException exception)
        {
            throw ImportErrors.Malformed(exception.LineNumber, exception.LinePosition, exception.Message);
        }
        catch (DecoderFallbackException exception)
        {
            throw ImportErrors.Encoding("?", exception.Message);
        }

        return package;
    }

    // One item (a document, a product, an offer) as a small tree; the reader moves past it.
    private static XElement Item(XmlReader reader) => (XElement)XNode.ReadFrom(reader);

    private static void ReadDocument(XElement document, ImportPackage package)
    {
        var id = Text(document, "Ид");
        if (id is null)
        {
            return;
        }

        // The buyer is the counterparty with the role Покупатель; without one, the first counterparty. The seller
        // (the business itself, when 1C lists it) is not a counterparty of the CRM.
        string? buyerId = null, firstId = null;
        foreach (var counterpartyElement in Children(Child(document, "Контрагенты"), "Контрагент"))
        {
            if (Text(counterpartyElement, "Роль") == "Продавец" || ReadCounterparty(counterpartyElement) is not { } counterparty)
            {
                continue;
            }

            AddCounterparty(package, counterparty);
            firstId ??= counterparty.OneCId;
            if (buyerId is null && Text(counterpartyElement, "Роль") == "Покупатель")
            {
                buyerId = counterparty.OneCId;
            }
        }

        buyerId ??= firstId;
        var date = ParseDate(Text(document, "Дата"), Text(document, "Время"));
        var tax = Children(Child(document, "Налоги"), "Налог").FirstOrDefault();
        var data = new DocumentData
        {
            OneCId = id,
            Number = Text(document, "Номер"),
            Date = date,
            Operation = Text(document, "ХозОперация") ?? "Заказ товара",
            Currency = Text(document, "Валюта"),
            Sum = ParseDecimal(Text(document, "Сумма")),
            BuyerOneCId = buyerId,
            Comment = Text(document, "Комментарий"),
            VatIncluded = tax is null ? null : ParseBoolean(Text(tax, "УчтеноВСумме")),
        };
        foreach (var requisite in Children(Child(document, "ЗначенияРеквизитов"), "ЗначениеРеквизита"))
        {
            if (Text(requisite, "Наименование") is { } name)
            {
                data.Requisites[name] = Text(requisite, "Значение") ?? "";
            }
        }

        foreach (var line in Children(Child(document, "Товары"), "Товар"))
        {
            if (ReadLine(line, data.VatIncluded) is { } lineData)
            {
                data.Lines.Add(lineData);
            }
        }

        package.Documents.Add(data);
    }

    private static LineData? ReadLine(XElement line, bool? documentVatIncluded)
    {
        var id = Text(line, "Ид");
        var name = Text(line, "Наименование");
        if (id is null && name is null)
        {
            return null;
        }

        var (unit, unitCode) = Unit(line);
        var quantity = ParseDecimal(Text(line, "Количество")) ?? 1m;
        var price = ParseDecimal(Text(line, "ЦенаЗаЕдиницу")) ?? ParseDecimal(Text(line, "Цена"));
        var amount = ParseDecimal(Text(line, "Сумма"));
        var tax = Children(Child(line, "Налоги"), "Налог").FirstOrDefault();
        var rate = VatRates.FromText(tax is null ? null : Text(tax, "Ставка"))
            ?? VatRates.FromText(Children(Child(line, "СтавкиНалогов"), "СтавкаНалога").Select(r => Text(r, "Ставка")).FirstOrDefault());
        return new LineData
        {
            ProductOneCId = id ?? name!,
            Name = name ?? id!,
            Sku = Text(line, "Артикул"),
            Unit = unit,
            UnitCode = unitCode,
            Quantity = quantity,
            Price = price ?? (amount is { } total && quantity != 0 ? LineMath.Round(total / quantity) : 0m),
            Amount = amount,
            VatRate = rate,
            VatIncluded = (tax is null ? null : ParseBoolean(Text(tax, "УчтеноВСумме"))) ?? documentVatIncluded,
            Kind = Requisite(line, "ТипНоменклатуры") ?? Requisite(line, "ВидНоменклатуры"),
        };
    }

    private static void ReadProduct(XElement product, ImportPackage package)
    {
        var id = Text(product, "Ид");
        var name = Text(product, "Наименование");
        if (id is null || name is null)
        {
            return;
        }

        var (unit, unitCode) = Unit(product);
        package.Products.Add(new ProductData
        {
            OneCId = id,
            Name = name,
            Sku = Text(product, "Артикул"),
            Unit = unit,
            UnitCode = unitCode,
            VatRate = VatRates.FromText(Children(Child(product, "СтавкиНалогов"), "СтавкаНалога").Select(r => Text(r, "Ставка")).FirstOrDefault()),
            Kind = Requisite(product, "ТипНоменклатуры") ?? Requisite(product, "ВидНоменклатуры"),
            Description = Text(product, "Описание"),
        });
    }

    private static void ReadOffer(XElement offer, ImportPackage package)
    {
        var id = Text(offer, "Ид");
        if (id is null)
        {
            return;
        }

        var (unit, unitCode) = Unit(offer);
        var price = Children(Child(offer, "Цены"), "Цена").Select(p => ParseDecimal(Text(p, "ЦенаЗаЕдиницу"))).FirstOrDefault(p => p is not null);
        package.Offers.Add(new OfferData
        {
            OneCId = id,
            Name = Text(offer, "Наименование"),
            Sku = Text(offer, "Артикул"),
            Unit = unit,
            UnitCode = unitCode,
            Price = price,
            Stock = ParseDecimal(Text(offer, "Количество")),
        });
    }

    private static CounterpartyData? ReadCounterparty(XElement element)
    {
        var id = Text(element, "Ид");
        var name = Text(element, "Наименование");
        var official = Text(element, "ОфициальноеНаименование");
        var full = Text(element, "ПолноеНаименование");
        var inn = Digits(Text(element, "ИНН"));
        if (id is null && name is null && official is null && full is null)
        {
            return null;
        }

        var address = Text(Child(element, "ЮридическийАдрес"), "Представление")
            ?? Text(Child(element, "АдресРегистрации"), "Представление")
            ?? Text(Child(element, "Адрес"), "Представление");
        string? email = null, phone = null;
        foreach (var contact in Children(Child(element, "Контакты"), "Контакт"))
        {
            var type = Text(contact, "Тип") ?? "";
            var value = Text(contact, "Значение");
            if (type.Contains("почт", StringComparison.OrdinalIgnoreCase) || value?.Contains('@', StringComparison.Ordinal) == true)
            {
                email ??= value;
            }
            else if (type.Contains("телефон", StringComparison.OrdinalIgnoreCase))
            {
                phone ??= value;
            }
        }

        return new CounterpartyData
        {
            OneCId = id ?? inn ?? (official ?? full ?? name)!,
            Name = name,
            FullName = official ?? full,
            IsLegalEntity = official is not null || inn is { Length: 10 },
            Inn = inn,
            Kpp = Digits(Text(element, "КПП")) is { Length: 9 } kpp ? kpp : null,
            Address = address,
            LastName = Text(element, "Фамилия"),
            FirstName = Text(element, "Имя"),
            MiddleName = Text(element, "Отчество"),
            Email = email,
            Phone = phone,
        };
    }

    private static void AddCounterparty(ImportPackage package, CounterpartyData? counterparty)
    {
        if (counterparty is not null && !package.Counterparties.Any(c => c.OneCId == counterparty.OneCId))
        {
            package.Counterparties.Add(counterparty);
        }
    }

    private static (string? Unit, string? Code) Unit(XElement item)
    {
        if (Child(item, "БазоваяЕдиница") is { } baseUnit)
        {
            var code = baseUnit.Attribute("Код")?.Value.Trim();
            var text = baseUnit.Nodes().OfType<XText>().Select(t => t.Value.Trim()).FirstOrDefault(t => t.Length > 0)
                ?? baseUnit.Attribute("НаименованиеПолное")?.Value.Trim();
            return (text, code is { Length: > 0 } ? code : null);
        }

        if (Child(item, "Единица") is { } unit)
        {
            return (Text(unit, "НаименованиеКраткое") ?? Text(unit, "НаименованиеПолное"), Text(unit, "Код"));
        }

        return (null, null);
    }

    private static string? Requisite(XElement item, string name) =>
        Children(Child(item, "ЗначенияРеквизитов"), "ЗначениеРеквизита")
            .Where(r => Text(r, "Наименование") == name)
            .Select(r => Text(r, "Значение"))
            .FirstOrDefault();

    private static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent?.Elements().Where(e => e.Name.LocalName == name) ?? [];

    private static string? Text(XElement? parent, string name) =>
        Child(parent, name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static string? Digits(string? text) =>
        text is not null && text.All(char.IsAsciiDigit) && text.Length > 0 ? text : null;

    internal static decimal? ParseDecimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0').ToArray()).Replace(',', '.');
        return decimal.TryParse(clean, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    internal static bool? ParseBoolean(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "истина" or "да" or "1" => true,
        "false" or "ложь" or "нет" or "0" => false,
        _ => null,
    };

    internal static DateTimeOffset? ParseDate(string? date, string? time)
    {
        if (date is null)
        {
            return null;
        }

        var text = time is null || date.Contains('T', StringComparison.Ordinal) ? date : date + "T" + time;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
    }

    /// <summary>
    /// The declared encoding must match the bytes. Decoding failures of a UTF-8 declaration show up while reading; the
    /// case checked here is the silent one: a single-byte code page (windows-1251) declared over bytes that are in fact
    /// UTF-8, which would import as mojibake without any error.
    /// </summary>
    private static void CheckEncoding(Stream input)
    {
        var head = new byte[256];
        var read = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        var declaration = System.Text.Encoding.ASCII.GetString(head, start, read - start);
        var match = EncodingDeclaration().Match(declaration);
        if (!match.Success)
        {
            return;
        }

        var declared = match.Groups[1].Value;
        System.Text.Encoding encoding;
        try
        {
            encoding = System.Text.Encoding.GetEncoding(declared);
        }
        catch (ArgumentException)
        {
            throw ImportErrors.Encoding(declared, "this encoding is unknown.");
        }

        if (encoding.IsSingleByte && encoding.CodePage != 20127 && LooksLikeUtf8(input))
        {
            throw ImportErrors.Encoding(declared, "the file is UTF-8 (its non-ASCII bytes are all valid UTF-8 sequences). Declare encoding=\"UTF-8\" or save it in " + declared + ".");
        }
    }

    private static bool LooksLikeUtf8(Stream input)
    {
        input.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length + 4];
        var nonAscii = false;
        int read;
        try
        {
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                nonAscii |= buffer.AsSpan(0, read).ContainsAnyExceptInRange((byte)0, (byte)0x7F);
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return nonAscii;
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")]
    private static partial Regex EncodingDeclaration();
}
