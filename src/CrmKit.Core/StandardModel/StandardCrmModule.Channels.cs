using CrmKit.Sdk.Builders;

namespace CrmKit.Core.StandardModel;

/// <content>
/// The fields message channels fill (docs/integrations/): who a contact is on a channel, where a lead came from (the
/// deep-link payload, the form, UTM tags), and which channel message an activity records.
/// </content>
public sealed partial class StandardCrmModule
{
    /// <summary>The longest channel key (<c>telegram:987654321</c>, <c>telegram:sales-bot:update:…</c>).</summary>
    public const int ChannelKeyMaxLength = 200;

    private static void ContactChannelFields(IFieldSetBuilder entity) => entity
        // "<channel type>:<user id on the channel>", for example telegram:987654321; the contact a message finds first.
        .String("channel_user_key", f => f.Label("Channel user", "Пользователь в канале").MaxLength(ChannelKeyMaxLength).Indexed());

    private static void LeadChannelFields(IFieldSetBuilder entity)
    {
        Link(entity, "contact", StandardEntities.Contact, "Contact", "Контакт");
        entity
            .String("source_detail", f => f.Label("Source detail", "Уточнение источника").MaxLength(256))
            .String("channel_instance", f => f.Label("Channel", "Канал").MaxLength(ChannelKeyMaxLength).Indexed())
            .String("utm_source", f => f.Label("UTM source", "UTM: источник").MaxLength(256))
            .String("utm_medium", f => f.Label("UTM medium", "UTM: канал").MaxLength(256))
            .String("utm_campaign", f => f.Label("UTM campaign", "UTM: кампания").MaxLength(256))
            .String("utm_term", f => f.Label("UTM term", "UTM: ключевое слово").MaxLength(256))
            .String("utm_content", f => f.Label("UTM content", "UTM: содержание").MaxLength(256));
    }

    private static void ActivityChannelFields(IFieldSetBuilder entity) => entity
        .String("channel_instance", f => f.Label("Channel", "Канал").MaxLength(ChannelKeyMaxLength))
        .Enum("direction", f => f
            .Label("Direction", "Направление")
            .Option("inbound", "Inbound", "Входящее")
            .Option("outbound", "Outbound", "Исходящее"))
        .String("conversation_id", f => f.Label("Conversation", "Диалог").MaxLength(ChannelKeyMaxLength))
        // "<channel type>:<instance>:<delivery id>": unique, so a redelivered webhook is stored once on every provider.
        .String("channel_message_key", f => f.Label("Channel message", "Сообщение канала").MaxLength(ChannelKeyMaxLength).Unique());
}
