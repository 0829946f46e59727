using PiiGuard;

namespace DealerPortal.Processors;

// The newsletter vendor. Its data processing agreement covers names and email addresses only,
// so nothing else about a prospect may be sent through this client.
[ThirdPartyProcessor("MarketingCloud", PiiCategory.Name, PiiCategory.Email)]
public interface IMarketingPlatformClient
{
    Task SubscribeAsync(string fullName, string email, string audience, CancellationToken cancellationToken = default);

    // Keeps the vendor's contact profile in step, for segmentation; the profile is serialised as JSON.
    Task UpdateProfileAsync(object profile, CancellationToken cancellationToken = default);

    Task<int> CountSubscribersAsync(string audience, CancellationToken cancellationToken = default);
}
