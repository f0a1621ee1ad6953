// Generated from openapi/ by scripts/build.ts. Do not edit: edit openapi/ and run `npm run build`.

export type paths = {
    "/v2/images/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate an image
         * @description Generates images synchronously: the response holds the finished files. Typical latency is 5 to
         *     30 seconds; set a client timeout of at least 60 seconds.
         */
        post: operations["generateImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/videos/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a video generation
         * @description Starts an asynchronous video generation and answers `202` at once. Poll
         *     `GET /v2/videos/generations/{id}` until `status` is `completed` or `failed`, or pass
         *     `callback_url` to receive a signed webhook when it ends. A generation that fails after it was
         *     accepted is reported there, not here.
         */
        post: operations["createVideoGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/videos/generations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a video generation
         * @description Returns the generation in its current state. `pending` and `processing` mean keep polling (every
         *     few seconds, within the rate limit); `completed` and `failed` are terminal. A failed generation
         *     is answered with `200`: the failure is in `error`, with `retryable` and `refunded`.
         */
        get: operations["getVideoGeneration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List models
         * @description Lists the models the API offers, optionally only those of one type.
         */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/billing/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the account balance
         * @description Returns the credits left on the account, in its billing currency. Generations are charged against it.
         */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = {
    "video.generation.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Video generation completed
         * @description Delivered to the `callback_url` of a video generation when it completes. `data` is the same object polling returns.
         *     Verify the signature and the timestamp before trusting the body (see Webhooks). Answer with any
         *     2xx within 15 seconds; any other answer, or none, is retried with backoff for up to 24 hours.
         */
        post: operations["videoGenerationCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "video.generation.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Video generation failed
         * @description Delivered to the `callback_url` of a video generation when it fails. `data` is the same object polling returns, with the same `error`.
         *     Verify the signature and the timestamp before trusting the body (see Webhooks). Answer with any
         *     2xx within 15 seconds; any other answer, or none, is retried with backoff for up to 24 hours.
         */
        post: operations["videoGenerationFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type components = {
    schemas: {
        /**
         * AspectRatio
         * @description Width to height ratio of the output.
         * @enum {string}
         */
        AspectRatio: "1:1" | "16:9" | "9:16" | "4:3" | "3:4" | "2:3" | "3:2" | "21:9";
        /**
         * GenerationId
         * @description Id of a generation (`img_` or `vid_` followed by 26 characters).
         * @example vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY
         */
        GenerationId: string;
        /**
         * MediaInputUrl
         * Format: uri
         * @description An `https://` URL the API can fetch, or a `data:image/...;base64,` URL. A decoded image may be at
         *     most 10 MiB and the whole request at most 25 MiB (`413 payload_too_large`).
         */
        MediaInputUrl: string;
        /**
         * ModelId
         * @description Id of a model from `GET /v2/models`.
         */
        ModelId: string;
        /**
         * Prompt
         * @description What to generate, in natural language.
         */
        Prompt: string;
        /**
         * ImageMedia
         * @description A generated file. The URL is signed and stops working at `deletes_at`, after which it answers `410 Gone`; download it before.
         */
        ImageMedia: {
            /**
             * Format: uri
             * @description Where to download the file, until `deletes_at`.
             */
            url: string;
            /**
             * @description Media type of the file.
             * @example image/png
             */
            mime_type: string;
            /**
             * Format: date-time
             * @description When the file is deleted; download it before then.
             */
            deletes_at: string;
            /** @description Width in pixels. */
            width: number;
            /** @description Height in pixels. */
            height: number;
        };
        /**
         * Usage
         * @description What the generation cost.
         */
        Usage: {
            /** @description `unit_price × quantity`, in the currency of the balance. */
            total_cost: number;
            /**
             * @description What `quantity` counts: images, or seconds of video.
             * @enum {string}
             */
            billable_unit: "image" | "video_second";
            /** @description Price of one billable unit, in the currency of the balance. */
            unit_price: number;
            /** @description How many billable units the generation used. */
            quantity: number;
        };
        /**
         * VideoMedia
         * @description A generated video file.
         */
        VideoMedia: components["schemas"]["ImageMedia"] & {
            /** @description Length in seconds. */
            duration: number;
            /** @description Frames per second. */
            fps: number;
            /** @description Whether the video has an audio track. */
            has_sound: boolean;
        };
        /**
         * ImageGeneration
         * @description A finished image generation.
         */
        ImageGeneration: {
            id: components["schemas"]["GenerationId"];
            /**
             * @description Always `completed`: images are generated synchronously.
             * @enum {string}
             */
            status: "completed";
            model: components["schemas"]["ModelId"];
            /** @description The generated images. */
            data: components["schemas"]["ImageMedia"][];
            usage: components["schemas"]["Usage"];
        };
        /** ImageGenerationRequest */
        ImageGenerationRequest: {
            /** @example seedream-5-lite */
            model: components["schemas"]["ModelId"];
            prompt: components["schemas"]["Prompt"];
            aspect_ratio?: components["schemas"]["AspectRatio"];
            /**
             * @description Not every model supports every resolution (`400 invalid_parameter`).
             * @enum {string}
             */
            resolution?: "1K" | "2K" | "4K";
            /**
             * @description File format of the generated images.
             * @default png
             * @enum {string}
             */
            output_format?: "png" | "jpeg" | "webp";
            /** @description Reference images. */
            images?: {
                url: components["schemas"]["MediaInputUrl"];
            }[];
        };
        /**
         * VideoGeneration
         * @description A video generation, in one of four states.
         */
        VideoGeneration: components["schemas"]["VideoGenerationPending"] | components["schemas"]["VideoGenerationProcessing"] | components["schemas"]["VideoGenerationCompleted"] | components["schemas"]["VideoGenerationFailed"];
        /**
         * VideoGenerationCompleted
         * @description Done; `data` holds the video.
         */
        VideoGenerationCompleted: {
            id: components["schemas"]["GenerationId"];
            /**
             * @description The generation finished; `data` holds the video.
             * @enum {string}
             */
            status: "completed";
            model: components["schemas"]["ModelId"];
            /** @description The generated video. */
            data: components["schemas"]["VideoMedia"][];
            usage: components["schemas"]["Usage"];
        };
        /**
         * VideoGenerationCreated
         * @description The generation was accepted. Poll it, or wait for its webhook.
         */
        VideoGenerationCreated: {
            id: components["schemas"]["GenerationId"];
            /**
             * @description Always `pending`: the generation was accepted and waits to start.
             * @enum {string}
             */
            status: "pending";
        };
        /**
         * VideoGenerationFailed
         * @description Failed after it was accepted. Terminal: `error.retryable` says whether submitting the same request
         *     again can succeed, `error.refunded` whether the credits were returned.
         */
        VideoGenerationFailed: {
            id: components["schemas"]["GenerationId"];
            /**
             * @description The generation failed; `error` says why.
             * @enum {string}
             */
            status: "failed";
            model: components["schemas"]["ModelId"];
            error: components["schemas"]["TaskError"];
        };
        /**
         * VideoGenerationPending
         * @description Queued; keep polling.
         */
        VideoGenerationPending: {
            id: components["schemas"]["GenerationId"];
            /**
             * @description The generation waits to start.
             * @enum {string}
             */
            status: "pending";
            model: components["schemas"]["ModelId"];
        };
        /**
         * VideoGenerationProcessing
         * @description Generating; keep polling.
         */
        VideoGenerationProcessing: {
            id: components["schemas"]["GenerationId"];
            /**
             * @description The generation is running.
             * @enum {string}
             */
            status: "processing";
            model: components["schemas"]["ModelId"];
            /** @description Estimated percentage done, when known. */
            progress?: number;
        };
        /** VideoGenerationRequest */
        VideoGenerationRequest: {
            /** @example seedance-v1-pro */
            model: components["schemas"]["ModelId"];
            prompt: components["schemas"]["Prompt"];
            aspect_ratio?: components["schemas"]["AspectRatio"];
            /**
             * @description Not every model supports every resolution (`400 invalid_parameter`).
             * @enum {string}
             */
            resolution?: "480p" | "720p" | "1080p";
            /**
             * @description Length of the video in seconds: one of the lengths the models make (`capabilities.durations` in `GET /v2/models`); without it, the model's `default_duration`.
             * @enum {integer}
             */
            duration?: 5 | 10;
            /**
             * @description Generate an audio track.
             * @default false
             */
            sound?: boolean;
            /** @description Reference images and first or last frames. */
            images?: {
                url: components["schemas"]["MediaInputUrl"];
                /**
                 * @description How the video uses the image.
                 * @enum {string}
                 */
                role: "reference_image" | "first_frame" | "last_frame";
            }[];
            /**
             * Format: uri
             * @description Where to deliver the `video.generation.completed` or `video.generation.failed` webhook when the
             *     generation ends. Deliveries are signed (see Webhooks).
             */
            callback_url?: string;
        };
        /** Model */
        Model: {
            id: components["schemas"]["ModelId"];
            /** @description Display name. */
            name: string;
            /** @description What the model generates. */
            type: components["schemas"]["ModelType"];
            /**
             * Format: date-time
             * @description When the model was added to the API.
             */
            created_at: string;
            /** @description What the model makes and costs. */
            capabilities?: components["schemas"]["ModelCapabilities"];
        };
        /** ModelList */
        ModelList: components["schemas"]["Model"][];
        /**
         * ModelType
         * @enum {string}
         */
        ModelType: "image" | "video";
        /**
         * ModelCapabilities
         * @description What the model makes and what it costs: enough to build a model picker and show a price before
         *     generating. A request with an option not listed here is refused (`400 invalid_parameter`); an
         *     option left out takes the default named here.
         */
        ModelCapabilities: {
            /** @description The resolutions the model makes, each with its pixel size for every aspect ratio. */
            resolutions: components["schemas"]["ResolutionSizes"][];
            /** @description The resolution of a request that names none. */
            default_resolution: string;
            /** @description The aspect ratios the model accepts. */
            aspect_ratios: components["schemas"]["AspectRatio"][];
            default_aspect_ratio: components["schemas"]["AspectRatio"];
            /** @description Videos only. The lengths in seconds the model makes. */
            durations?: number[];
            /** @description Videos only. The length of a request that names none. */
            default_duration?: number;
            /** @description Videos only. Whether the model can make an audio track (`sound: true`). */
            sound?: boolean;
            /** @description Videos only. Frames per second of the videos it makes. */
            fps?: number;
            /** @description Price per billable unit, as a decimal string in `currency` (`usage.unit_price`). */
            price: string;
            /**
             * @description What `price` is per, as `usage.billable_unit` names it.
             * @enum {string}
             */
            billable_unit: "image" | "video_second";
            /** @description The currency of `price`, the balance's. */
            currency: string;
            /** @description How long generated files are kept; `deletes_at` is this long after the generation. */
            retention_hours: number;
        };
        /**
         * ResolutionSizes
         * @description One resolution of a model and the pixel size it means for each aspect ratio.
         */
        ResolutionSizes: {
            /**
             * @description A resolution the model accepts.
             * @example 1K
             * @example 1080p
             */
            resolution: string;
            /** @description The pixel size of the output at this resolution, for each aspect ratio. */
            sizes: {
                aspect_ratio: components["schemas"]["AspectRatio"];
                /** @description Width in pixels. */
                width: number;
                /** @description Height in pixels. */
                height: number;
            }[];
        };
        /** Balance */
        Balance: {
            /** @description Credits left, in `currency`. */
            balance: number;
            /** @description ISO 4217 currency code. */
            currency: string;
        };
        /**
         * VideoGenerationCompletedEvent
         * @description Sent to the `callback_url` of a generation when it completes.
         */
        VideoGenerationCompletedEvent: {
            /**
             * @description The event: the generation completed.
             * @enum {string}
             */
            type: "video.generation.completed";
            /**
             * Format: date-time
             * @description When the generation ended.
             */
            timestamp: string;
            data: components["schemas"]["VideoGenerationCompleted"];
        };
        /**
         * VideoGenerationEvent
         * @description Any webhook payload, discriminated by `type`.
         */
        VideoGenerationEvent: components["schemas"]["VideoGenerationCompletedEvent"] | components["schemas"]["VideoGenerationFailedEvent"];
        /**
         * VideoGenerationFailedEvent
         * @description Sent to the `callback_url` of a generation when it fails; `data.error` is the same object polling returns.
         */
        VideoGenerationFailedEvent: {
            /**
             * @description The event: the generation failed.
             * @enum {string}
             */
            type: "video.generation.failed";
            /**
             * Format: date-time
             * @description When the generation ended.
             */
            timestamp: string;
            data: components["schemas"]["VideoGenerationFailed"];
        };
        /**
         * ErrorEnvelope
         * @description The body of every non-2xx response.
         */
        ErrorEnvelope: {
            error: components["schemas"]["ApiError"];
        };
        /**
         * ApiError
         * @description Any API error, discriminated by `code`. Individual responses narrow this to the codes that can
         *     occur there.
         */
        ApiError: components["schemas"]["ApiAccessDisabledError"] | components["schemas"]["BadGatewayError"] | components["schemas"]["ConcurrencyLimitError"] | components["schemas"]["ContentPolicyViolationError"] | components["schemas"]["GatewayTimeoutError"] | components["schemas"]["GenerationForbiddenError"] | components["schemas"]["IdempotencyKeyReusedError"] | components["schemas"]["InvalidApiKeyError"] | components["schemas"]["InvalidJsonError"] | components["schemas"]["InvalidParameterError"] | components["schemas"]["InvalidTypeError"] | components["schemas"]["IpNotAllowedError"] | components["schemas"]["ModelAccessDeniedError"] | components["schemas"]["NotFoundError"] | components["schemas"]["ParameterMissingError"] | components["schemas"]["PayloadTooLargeError"] | components["schemas"]["QuotaExceededError"] | components["schemas"]["RateLimitError"] | components["schemas"]["InternalServerError"] | components["schemas"]["ServiceUnavailableError"] | components["schemas"]["UnsupportedMediaTypeError"];
        /**
         * ErrorBase
         * @description The fields every API error has. Each error code narrows `code` and `type` to constants and may add
         *     typed fields of its own (see the code's schema).
         */
        ErrorBase: {
            /** @description Human-readable description. Meant for people; do not parse it. */
            message: string;
            /** @description The class of the error (`invalid_request_error`, `authentication_error`, ...). */
            type: string;
            /**
             * @description Machine-readable error code from the error catalogue. The list will grow: treat a code you
             *     do not know by its HTTP status.
             */
            code: string;
            /** @description The request parameter the error is about (e.g. `prompt`, `images[0].url`), or null. */
            param: string | null;
            /**
             * Format: uri
             * @description Link to this code's entry in the error catalogue.
             */
            doc_url: string;
            /** @description Unique id of the request; the same value as the `X-Request-Id` response header. */
            request_id: string;
        };
        /**
         * ApiAccessDisabledError
         * @description API access is not enabled for this account.
         */
        ApiAccessDisabledError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "api_access_disabled";
            /** @enum {string} */
            type: "permission_error";
        };
        /**
         * BadGatewayError
         * @description A gateway between you and the API received a bad answer.
         */
        BadGatewayError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "bad_gateway";
            /** @enum {string} */
            type: "server_error";
        };
        /**
         * ConcurrencyLimitError
         * @description Too many generations are in progress. `limit` is the maximum, `current` the number running now.
         */
        ConcurrencyLimitError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "concurrency_limit";
            /** @enum {string} */
            type: "rate_limit_error";
            /** @description Generations allowed in progress at once. */
            limit: number;
            /** @description Generations in progress now. */
            current: number;
        };
        /**
         * ContentPolicyViolationError
         * @description The prompt or a reference image failed content checks at submission. `param` names the input.
         */
        ContentPolicyViolationError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "content_policy_violation";
            /** @enum {string} */
            type: "content_policy_error";
        };
        /**
         * GatewayTimeoutError
         * @description A gateway timed out waiting for the API.
         */
        GatewayTimeoutError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "gateway_timeout";
            /** @enum {string} */
            type: "server_error";
        };
        /**
         * GenerationForbiddenError
         * @description The generation belongs to another account.
         */
        GenerationForbiddenError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "generation_forbidden";
            /** @enum {string} */
            type: "permission_error";
        };
        /**
         * IdempotencyKeyReusedError
         * @description The `Idempotency-Key` was already used with a different request body.
         */
        IdempotencyKeyReusedError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "idempotency_key_reused";
            /** @enum {string} */
            type: "conflict_error";
        };
        /**
         * InvalidApiKeyError
         * @description The API key is missing, malformed, revoked, expired or inactive; `reason` says which.
         */
        InvalidApiKeyError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "invalid_api_key";
            /** @enum {string} */
            type: "authentication_error";
            /**
             * @description Why the key was not accepted.
             * @enum {string}
             */
            reason: "missing" | "malformed" | "revoked" | "expired" | "inactive";
        };
        /**
         * InvalidJsonError
         * @description The request body is not valid JSON.
         */
        InvalidJsonError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "invalid_json";
            /** @enum {string} */
            type: "invalid_request_error";
        };
        /**
         * InvalidParameterError
         * @description A parameter value is not supported, in general or for the chosen model. `param` names it.
         */
        InvalidParameterError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "invalid_parameter";
            /** @enum {string} */
            type: "invalid_request_error";
        };
        /**
         * InvalidTypeError
         * @description A field has the wrong JSON type. `param` names it.
         */
        InvalidTypeError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "invalid_type";
            /** @enum {string} */
            type: "invalid_request_error";
        };
        /**
         * IpNotAllowedError
         * @description The API key is restricted to other IP addresses.
         */
        IpNotAllowedError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "ip_not_allowed";
            /** @enum {string} */
            type: "permission_error";
        };
        /**
         * ModelAccessDeniedError
         * @description The API key does not have access to the requested model.
         */
        ModelAccessDeniedError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "model_access_denied";
            /** @enum {string} */
            type: "permission_error";
        };
        /**
         * NotFoundError
         * @description The generation, model or path does not exist; `resource` says which.
         */
        NotFoundError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "not_found";
            /** @enum {string} */
            type: "not_found_error";
            /**
             * @description What was not found.
             * @enum {string}
             */
            resource: "generation" | "model" | "route";
        };
        /**
         * ParameterMissingError
         * @description A required parameter was not provided. `param` names it.
         */
        ParameterMissingError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "parameter_missing";
            /** @enum {string} */
            type: "invalid_request_error";
        };
        /**
         * PayloadTooLargeError
         * @description The request body is over 25 MiB, or a reference image is over 10 MiB decoded. `max_bytes` gives the limit that was exceeded.
         */
        PayloadTooLargeError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "payload_too_large";
            /** @enum {string} */
            type: "invalid_request_error";
            /** @description The size limit that was exceeded, in bytes. */
            max_bytes: number;
        };
        /**
         * QuotaExceededError
         * @description The account does not have enough credits or quota. `required` and `available` say how much was needed and how much there is, in the currency of the balance.
         */
        QuotaExceededError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "quota_exceeded";
            /** @enum {string} */
            type: "billing_error";
            /** @description Credits the request needs. */
            required: number;
            /** @description Credits the account has. */
            available: number;
            /**
             * @description ISO 4217 currency of the balance.
             * @example USD
             */
            currency: string;
        };
        /**
         * RateLimitError
         * @description Too many requests per minute. `Retry-After` says how long to wait; `X-RateLimit-*` describe the window.
         */
        RateLimitError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "rate_limit";
            /** @enum {string} */
            type: "rate_limit_error";
        };
        /**
         * InternalServerError
         * @description An unexpected error on our side.
         */
        InternalServerError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "server_error";
            /** @enum {string} */
            type: "server_error";
        };
        /**
         * ServiceUnavailableError
         * @description The model or the service is unavailable (maintenance or overload). `Retry-After` says when to try again.
         */
        ServiceUnavailableError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "service_unavailable";
            /** @enum {string} */
            type: "server_error";
        };
        /**
         * UnsupportedMediaTypeError
         * @description The request body is not sent as `application/json`.
         */
        UnsupportedMediaTypeError: components["schemas"]["ErrorBase"] & {
            /** @enum {string} */
            code: "unsupported_media_type";
            /** @enum {string} */
            type: "invalid_request_error";
        };
        /**
         * TaskError
         * @description Why a video generation failed, discriminated by `code`.
         */
        TaskError: components["schemas"]["FaceDetectedFailure"] | components["schemas"]["FileTooLargeFailure"] | components["schemas"]["GenerationFailedFailure"] | components["schemas"]["InputAudioRejectedFailure"] | components["schemas"]["InputImageRejectedFailure"] | components["schemas"]["InputVideoRejectedFailure"] | components["schemas"]["InvalidImageUrlFailure"] | components["schemas"]["MediaTooLongFailure"] | components["schemas"]["ModelUnavailableFailure"] | components["schemas"]["OutputRejectedFailure"] | components["schemas"]["PromptRejectedFailure"] | components["schemas"]["ServerErrorFailure"] | components["schemas"]["TimeoutFailure"] | components["schemas"]["UnsupportedFormatFailure"];
        /**
         * TaskErrorBase
         * @description Why an accepted video generation failed. Returned by polling and by the
         *     `video.generation.failed` webhook. Each failure code narrows `code` and `retryable` to constants.
         */
        TaskErrorBase: {
            /** @description Machine-readable failure code. The list will grow. */
            code: string;
            /** @description Human-readable description. */
            message: string;
            /** @description Whether submitting the same request again can succeed. */
            retryable: boolean;
            /** @description Whether the credits of the generation were refunded (every failure is refunded today). */
            refunded: boolean;
        };
        /**
         * FaceDetectedFailure
         * @description A human face was detected in the input media.
         */
        FaceDetectedFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "face_detected";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * FileTooLargeFailure
         * @description An input file exceeds the size limit.
         */
        FileTooLargeFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "file_too_large";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * GenerationFailedFailure
         * @description The generation failed for an internal reason.
         */
        GenerationFailedFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "generation_failed";
            /** @enum {boolean} */
            retryable: true;
        };
        /**
         * InputAudioRejectedFailure
         * @description An input audio track was rejected by input moderation.
         */
        InputAudioRejectedFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "input_audio_rejected";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * InputImageRejectedFailure
         * @description A reference image was rejected by input moderation.
         */
        InputImageRejectedFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "input_image_rejected";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * InputVideoRejectedFailure
         * @description An input video was rejected by input moderation.
         */
        InputVideoRejectedFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "input_video_rejected";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * InvalidImageUrlFailure
         * @description A reference URL could not be fetched.
         */
        InvalidImageUrlFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "invalid_image_url";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * MediaTooLongFailure
         * @description Input audio or video is longer than 15 seconds.
         */
        MediaTooLongFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "media_too_long";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * ModelUnavailableFailure
         * @description The model was temporarily unavailable.
         */
        ModelUnavailableFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "model_unavailable";
            /** @enum {boolean} */
            retryable: true;
        };
        /**
         * OutputRejectedFailure
         * @description The generated output was rejected by output moderation.
         */
        OutputRejectedFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "output_rejected";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * PromptRejectedFailure
         * @description The prompt was rejected by input moderation.
         */
        PromptRejectedFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "prompt_rejected";
            /** @enum {boolean} */
            retryable: false;
        };
        /**
         * ServerErrorFailure
         * @description An unexpected error on our side.
         */
        ServerErrorFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "server_error";
            /** @enum {boolean} */
            retryable: true;
        };
        /**
         * TimeoutFailure
         * @description The generation timed out, including an upstream provider timeout.
         */
        TimeoutFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "timeout";
            /** @enum {boolean} */
            retryable: true;
        };
        /**
         * UnsupportedFormatFailure
         * @description An input file has an unsupported format.
         */
        UnsupportedFormatFailure: components["schemas"]["TaskErrorBase"] & {
            /** @enum {string} */
            code: "unsupported_format";
            /** @enum {boolean} */
            retryable: false;
        };
    };
    responses: {
        /** @description An error this operation does not list: a status or code added after this version of the contract, or the answer to a request outside the operations (`404 not_found` with `resource: route`). The body is the error envelope; treat a code you do not know by its status. */
        UnlistedError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The request is malformed: a parameter is missing or not supported, the body is not JSON, or a field has the wrong type. */
        BadRequestBody: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    /** @description The error, one of the codes below. */
                    error: components["schemas"]["ParameterMissingError"] | components["schemas"]["InvalidParameterError"] | components["schemas"]["InvalidJsonError"] | components["schemas"]["InvalidTypeError"];
                };
            };
        };
        /** @description The API key is missing, malformed, revoked, expired or inactive. */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["InvalidApiKeyError"];
                };
            };
        };
        /** @description Not enough credits or quota. */
        PaymentRequired: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["QuotaExceededError"];
                };
            };
        };
        /** @description The account or key may not use the API or this model. */
        ForbiddenModel: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    /** @description The error, one of the codes below. */
                    error: components["schemas"]["ApiAccessDisabledError"] | components["schemas"]["ModelAccessDeniedError"] | components["schemas"]["IpNotAllowedError"];
                };
            };
        };
        /** @description The model does not exist. */
        ModelNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["NotFoundError"];
                };
            };
        };
        /** @description The `Idempotency-Key` was already used with a different body. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
        };
        /** @description The request body or a reference image is too large. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["PayloadTooLargeError"];
                };
            };
        };
        /** @description The body is not sent as `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
        };
        /** @description The prompt or a reference image failed content checks. */
        ContentPolicyViolation: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["ContentPolicyViolationError"];
                };
            };
        };
        /** @description Too many requests per minute, or too many generations in progress. */
        RateOrConcurrencyLimited: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    /** @description The error, one of the codes below. */
                    error: components["schemas"]["RateLimitError"] | components["schemas"]["ConcurrencyLimitError"];
                };
            };
        };
        /** @description An unexpected error on our side. Retryable. */
        ServerError: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["InternalServerError"];
                };
            };
        };
        /** @description Bad gateway. Retryable. */
        BadGateway: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["BadGatewayError"];
                };
            };
        };
        /** @description The model or the service is unavailable. Retryable after `Retry-After`. */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
        /** @description Gateway timeout. Retryable. */
        GatewayTimeout: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["GatewayTimeoutError"];
                };
            };
        };
        /** @description The account or key may not read this generation. */
        ForbiddenGeneration: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    /** @description The error, one of the codes below. */
                    error: components["schemas"]["ApiAccessDisabledError"] | components["schemas"]["IpNotAllowedError"] | components["schemas"]["GenerationForbiddenError"];
                };
            };
        };
        /** @description No generation has this id. */
        GenerationNotFound: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["NotFoundError"];
                };
            };
        };
        /** @description Too many requests per minute. */
        RateLimited: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimit"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemaining"];
                "X-RateLimit-Reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["RateLimitError"];
                };
            };
        };
        /** @description A query parameter has an unsupported value. */
        InvalidModelsQuery: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    error: components["schemas"]["InvalidParameterError"];
                };
            };
        };
        /** @description The account or key may not call the API from here. */
        ForbiddenAccount: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    /** @description The error, one of the codes below. */
                    error: components["schemas"]["ApiAccessDisabledError"] | components["schemas"]["IpNotAllowedError"];
                };
            };
        };
    };
    parameters: {
        /**
         * @description A unique key (a UUID is a good choice) that makes the request safe to retry: a retry with the same
         *     key and body returns the first request's result instead of starting a second generation. Reusing a
         *     key with a different body is answered with `409 idempotency_key_reused`. Keys are kept for 24 hours.
         */
        IdempotencyKey: string;
        /** @description Unique id of the delivery; the same on every retry of it. Use it to drop duplicates. */
        WebhookId: string;
        /** @description Unix time (seconds) of the delivery attempt. Reject deliveries older than five minutes. */
        WebhookTimestamp: string;
        /**
         * @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`
         *     with the endpoint's secret (Standard Webhooks). Several are sent while a secret is being rotated.
         */
        WebhookSignature: string;
        /**
         * @description The id returned when the video generation was created. Ids are opaque: an id that names no
         *     generation of your account is answered `404 not_found`, whatever its shape.
         */
        GenerationIdPath: string;
        /** @description List only models of this type. */
        ModelTypeQuery: components["schemas"]["ModelType"];
    };
    requestBodies: never;
    headers: {
        /** @description Unique id of this request. Error bodies repeat it as `error.request_id`; quote it to support. */
        XRequestId: string;
        /** @description Requests allowed per window (one minute). Sent on every answer counted in the key's window (see Rate limits). */
        RateLimitLimitCounted: number;
        /** @description Requests left in the current window. Sent on every answer counted in the key's window (see Rate limits). */
        RateLimitRemainingCounted: number;
        /** @description Seconds until the current window resets. Sent on every answer counted in the key's window (see Rate limits). */
        RateLimitResetCounted: number;
        /**
         * @description `true` when this answer is the stored result of an earlier request with the same
         *     `Idempotency-Key` and body (same id, status and body), not a new generation. Absent otherwise.
         */
        IdempotentReplayed: "true";
        /** @description Seconds to wait before sending the request again. */
        RetryAfter: number;
        /** @description Requests allowed per window (one minute). */
        RateLimitLimit: number;
        /** @description Requests left in the current window. */
        RateLimitRemaining: number;
        /** @description Seconds until the current window resets. */
        RateLimitReset: number;
    };
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    generateImage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes the request safe to retry: a retry with the same
                 *     key and body returns the first request's result instead of starting a second generation. Reusing a
                 *     key with a different body is answered with `409 idempotency_key_reused`. Keys are kept for 24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImageGenerationRequest"];
            };
        };
        responses: {
            /** @description The image was generated. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageGeneration"];
                };
            };
            400: components["responses"]["BadRequestBody"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["ForbiddenModel"];
            404: components["responses"]["ModelNotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ContentPolicyViolation"];
            429: components["responses"]["RateOrConcurrencyLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["UnlistedError"];
        };
    };
    createVideoGeneration: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is a good choice) that makes the request safe to retry: a retry with the same
                 *     key and body returns the first request's result instead of starting a second generation. Reusing a
                 *     key with a different body is answered with `409 idempotency_key_reused`. Keys are kept for 24 hours.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VideoGenerationRequest"];
            };
        };
        responses: {
            /** @description The generation was accepted. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoGenerationCreated"];
                };
            };
            400: components["responses"]["BadRequestBody"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            403: components["responses"]["ForbiddenModel"];
            404: components["responses"]["ModelNotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ContentPolicyViolation"];
            429: components["responses"]["RateOrConcurrencyLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["UnlistedError"];
        };
    };
    getVideoGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id returned when the video generation was created. Ids are opaque: an id that names no
                 *     generation of your account is answered `404 not_found`, whatever its shape.
                 */
                id: components["parameters"]["GenerationIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The generation. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoGeneration"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenGeneration"];
            404: components["responses"]["GenerationNotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["UnlistedError"];
        };
    };
    listModels: {
        parameters: {
            query?: {
                /** @description List only models of this type. */
                type?: components["parameters"]["ModelTypeQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The models. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            400: components["responses"]["InvalidModelsQuery"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenAccount"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["UnlistedError"];
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balance. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    "X-RateLimit-Limit": components["headers"]["RateLimitLimitCounted"];
                    "X-RateLimit-Remaining": components["headers"]["RateLimitRemainingCounted"];
                    "X-RateLimit-Reset": components["headers"]["RateLimitResetCounted"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Balance"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["ForbiddenAccount"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
            default: components["responses"]["UnlistedError"];
        };
    };
    videoGenerationCompletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description Unique id of the delivery; the same on every retry of it. Use it to drop duplicates. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time (seconds) of the delivery attempt. Reject deliveries older than five minutes. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`
                 *     with the endpoint's secret (Standard Webhooks). Several are sent while a secret is being rotated.
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VideoGenerationCompletedEvent"];
            };
        };
        responses: {
            /** @description Received. Any 2xx acknowledges the delivery. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The receiver rejected the delivery (bad signature, stale timestamp or malformed body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    videoGenerationFailedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description Unique id of the delivery; the same on every retry of it. Use it to drop duplicates. */
                "webhook-id": components["parameters"]["WebhookId"];
                /** @description Unix time (seconds) of the delivery attempt. Reject deliveries older than five minutes. */
                "webhook-timestamp": components["parameters"]["WebhookTimestamp"];
                /**
                 * @description Space-separated signatures `v1,<base64>`: HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`
                 *     with the endpoint's secret (Standard Webhooks). Several are sent while a secret is being rotated.
                 */
                "webhook-signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VideoGenerationFailedEvent"];
            };
        };
        responses: {
            /** @description Received. Any 2xx acknowledges the delivery. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The receiver rejected the delivery (bad signature, stale timestamp or malformed body). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
