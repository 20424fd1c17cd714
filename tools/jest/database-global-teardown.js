module.exports = async () => {
  await globalThis.__zizhuTestServer?.stop();
};
