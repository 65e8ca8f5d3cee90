// PLACEHOLDER: replaced by the real implementation.
export class Request {}
