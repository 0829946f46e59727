using System;

namespace PiiGuard;

/// <summary>
/// Declares a client of a third-party data processor: every call of it (any method, constructor or
/// property setter, through an interface or an implementing class) transfers its arguments to the
/// processor, which may receive only the <see cref="Permitted"/> categories of its data processing
/// agreement (GDPR Art. 5(1)(c) data minimisation, Art. 28 processors). Anything else is PII001.
/// </summary>
/// <example>
/// <code>
/// [ThirdPartyProcessor("MarketingCloud", PiiCategory.Name, PiiCategory.Email)]
/// public interface IMarketingClient { Task SubscribeAsync(object contact); }
///
/// // For a client type you do not own:
/// [assembly: ThirdPartyProcessor(typeof(Vendor.SdkClient), "Vendor", PiiCategory.Email)]
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Assembly,
    AllowMultiple = true,
    Inherited = true)]
public sealed class ThirdPartyProcessorAttribute : Attribute
{
    /// <summary>Declares the attributed class, interface or method as a client of processor <paramref name="name"/>.</summary>
    /// <param name="name">The processor's name, as the data processing agreement names it.</param>
    /// <param name="permitted">The categories the processor may receive; none means it may receive no personal data.</param>
    public ThirdPartyProcessorAttribute(string name, params PiiCategory[] permitted)
    {
        Name = name;
        Permitted = permitted ?? Array.Empty<PiiCategory>();
    }

    /// <summary>Declares <paramref name="client"/>, a type you do not own, as a client of processor <paramref name="name"/> (assembly level).</summary>
    /// <param name="client">The client type, for instance an SDK's client class.</param>
    /// <param name="name">The processor's name, as the data processing agreement names it.</param>
    /// <param name="permitted">The categories the processor may receive; none means it may receive no personal data.</param>
    public ThirdPartyProcessorAttribute(Type client, string name, params PiiCategory[] permitted)
        : this(name, permitted)
    {
        Client = client;
    }

    /// <summary>The client type, when declared at assembly level; otherwise <see langword="null"/>.</summary>
    public Type? Client { get; }

    /// <summary>The processor's name.</summary>
    public string Name { get; }

    /// <summary>The categories the processor may receive.</summary>
    public PiiCategory[] Permitted { get; }
}
