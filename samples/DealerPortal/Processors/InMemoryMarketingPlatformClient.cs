namespace DealerPortal.Processors;

// Stands in for the vendor's HTTP client so the demo runs offline; the real one posts to their API.
public sealed class InMemoryMarketingPlatformClient : IMarketingPlatformClient
{
    private readonly Dictionary<string, HashSet<string>> _audiences = new(StringComparer.OrdinalIgnoreCase);

    public Task SubscribeAsync(string fullName, string email, string audience, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_audiences.TryGetValue(audience, out var subscribers))
        {
            subscribers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _audiences[audience] = subscribers;
        }

        subscribers.Add(email);
        return Task.CompletedTask;
    }

    public Task UpdateProfileAsync(object profile, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    public Task<int> CountSubscribersAsync(string audience, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_audiences.TryGetValue(audience, out var subscribers) ? subscribers.Count : 0);
    }
}
