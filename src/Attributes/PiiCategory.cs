namespace PiiGuard;

/// <summary>
/// The kind of personal data a value holds. The categories name what a data processing
/// agreement permits, so a processor can be allowed some and refused others.
/// </summary>
/// <remarks>
/// <see cref="Health"/> to <see cref="SexLifeOrSexualOrientation"/> are GDPR Art. 9 special
/// categories; <see cref="CriminalOffence"/> is GDPR Art. 10 data.
/// </remarks>
public enum PiiCategory
{
    /// <summary>A person's name: first, last, full or maiden name.</summary>
    Name,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A telephone or mobile number.</summary>
    PhoneNumber,

    /// <summary>A postal address or part of one (street, town, postcode).</summary>
    PostalAddress,

    /// <summary>A date of birth.</summary>
    DateOfBirth,

    /// <summary>A person's gender or sex.</summary>
    Gender,

    /// <summary>A national identifier: national insurance or social security number, passport, driving licence.</summary>
    NationalIdentifier,

    /// <summary>A vehicle identification number (VIN), which identifies the keeper of the vehicle.</summary>
    VehicleIdentificationNumber,

    /// <summary>A vehicle registration (number plate).</summary>
    VehicleRegistration,

    /// <summary>An IP address.</summary>
    IpAddress,

    /// <summary>A device identifier: advertising ID, IMEI, hardware serial number.</summary>
    DeviceIdentifier,

    /// <summary>An online identifier: user name, account ID, cookie ID.</summary>
    OnlineIdentifier,

    /// <summary>A precise geographic location (latitude and longitude, GPS track).</summary>
    PreciseLocation,

    /// <summary>A bank account: IBAN, account number, sort code.</summary>
    FinancialAccount,

    /// <summary>A payment card number or its security code.</summary>
    PaymentCard,

    /// <summary>A credential: password, secret answer, access token.</summary>
    Credential,

    /// <summary>Data concerning health (GDPR Art. 9 special category).</summary>
    Health,

    /// <summary>Biometric data used to identify a person (GDPR Art. 9 special category).</summary>
    Biometric,

    /// <summary>Genetic data (GDPR Art. 9 special category).</summary>
    Genetic,

    /// <summary>Racial or ethnic origin (GDPR Art. 9 special category).</summary>
    RacialOrEthnicOrigin,

    /// <summary>Political opinions (GDPR Art. 9 special category).</summary>
    PoliticalOpinion,

    /// <summary>Religious or philosophical beliefs (GDPR Art. 9 special category).</summary>
    ReligiousOrPhilosophicalBelief,

    /// <summary>Trade union membership (GDPR Art. 9 special category).</summary>
    TradeUnionMembership,

    /// <summary>Data concerning a person's sex life or sexual orientation (GDPR Art. 9 special category).</summary>
    SexLifeOrSexualOrientation,

    /// <summary>Criminal convictions and offences (GDPR Art. 10).</summary>
    CriminalOffence,

    /// <summary>Personal data of another kind.</summary>
    Other,
}
