declare module 'promise-polyfill' {
  const PromisePolyfill: PromiseConstructor;
  export default PromisePolyfill;
}
