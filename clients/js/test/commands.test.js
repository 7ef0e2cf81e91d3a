import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DMP_PRODUCTION_URL } from '../src/index.js';
import { rejection, setup } from './helpers.js';

/** Runs `call` against a fresh fake connector and returns the one command frame it sent. */
async function sent(t, call, clientOptions) {
  const { server, client } = await setup(t, clientOptions);
  await call(client);
  assert.equal(server.commands.length, 1);
  return server.commands[0];
}

test('readCpxCard maps pinCode and returnCertificates, which defaults to 1', async (t) => {
  assert.deepEqual(await sent(t, (c) => c.readCpxCard({ pinCode: '1234' })), {
    s_commandName: 'hl_readCpxCard',
    s_pinCode: '1234',
    i_returnCertificates: 1,
  });
  assert.deepEqual(await sent(t, (c) => c.readCpxCard({ pinCode: '0000', returnCertificates: false })), {
    s_commandName: 'hl_readCpxCard',
    s_pinCode: '0000',
    i_returnCertificates: 0,
  });
});

test('integers sent as strings become numbers, numbers for s_ keys become strings', async (t) => {
  assert.deepEqual(await sent(t, (c) => c.getCpxCard({ readerNumber: '1', readerName: 42 })), {
    s_commandName: 'hl_getCpxCard',
    i_readerNumber: 1,
    s_readerName: '42',
  });
});

test('getCpxCard sends the wrapper defaults: reader 0, empty reader name', async (t) => {
  assert.deepEqual(await sent(t, (c) => c.getCpxCard()), {
    s_commandName: 'hl_getCpxCard',
    i_readerNumber: 0,
    s_readerName: '',
  });
});

test('getVitaleCard sends only the reader keys given; readVitaleCard sends nothing else', async (t) => {
  assert.deepEqual(await sent(t, (c) => c.getVitaleCard({ readerNumber: '1' })), {
    s_commandName: 'hl_getVitaleCard',
    i_readerNumber: 1,
  });
  assert.deepEqual(await sent(t, (c) => c.getVitaleCard()), { s_commandName: 'hl_getVitaleCard' });
  assert.deepEqual(await sent(t, (c) => c.readVitaleCard()), { s_commandName: 'hl_readVitaleCard' });
});

test('signWithCpxCard maps both data forms and the digest type', async (t) => {
  const frame = await sent(t, (c) =>
    c.signWithCpxCard({ pinCode: '1234', dataToSignInBase64: 'aGVsbG8=', digestType: 1, stringToSign: 'hello' }),
  );
  assert.deepEqual(frame, {
    s_commandName: 'hl_signWithCpxCard',
    s_pinCode: '1234',
    s_dataToSignInBase64: 'aGVsbG8=',
    i_digestType: 1,
    s_stringToSign: 'hello',
  });
});

test('openSession: default timeout, application id, DC parameters', async (t) => {
  assert.deepEqual(await sent(t, (c) => c.openSession({ applicationId: 'app', dcParameters64: 'REM=' })), {
    s_commandName: 'hl_openSession',
    s_applicationId: 'app',
    s_dcparameters64: 'REM=',
    i_timeoutInSeconds: 3600,
  });
  const frame = await sent(t, (c) => c.openSession({ timeoutInSeconds: '60' }));
  assert.equal(frame.i_timeoutInSeconds, 60);
});

test('openSession forwards the proxy only when all four fields are given', async (t) => {
  const proxy = { proxyIpOrUrl: '10.0.0.1', proxyPort: '3128', proxyLogin: 'me', proxyPassword: 'secret' };
  const full = await sent(t, (c) => c.openSession(proxy));
  assert.equal(full.s_proxyIpOrUrl, '10.0.0.1');
  assert.equal(full.i_proxyPort, 3128);
  assert.equal(full.s_proxyLogin, 'me');
  assert.equal(full.s_proxyPassword, 'secret');

  const partial = await sent(t, (c) => c.openSession({ ...proxy, proxyPassword: undefined }));
  assert.deepEqual(Object.keys(partial).sort(), ['i_timeoutInSeconds', 's_commandName']);
});

test('openSession forwards the TSE user only when user and domain are both filled in', async (t) => {
  const both = await sent(t, (c) => c.openSession({ userName: 'jdoe', domainName: 'CLINIC' }));
  assert.equal(both.s_userName, 'jdoe');
  assert.equal(both.s_domainName, 'CLINIC');
  const one = await sent(t, (c) => c.openSession({ userName: 'jdoe', domainName: '' }));
  assert.equal(one.s_userName, undefined);
  assert.equal(one.s_domainName, undefined);
});

test('session data, persistent data and date utilities', async (t) => {
  const { server, client } = await setup(t);
  await client.setSessionData({ sessionDataId: 'id-1', sessionData64: 'AAEC' });
  await client.getSessionData({ sessionDataId: 'id-1' });
  await client.removeSessionData({ sessionDataId: 'id-1' });
  await client.setPersistantData({ persistantData64: 'AQID' });
  await client.computeBirthDayCentury({ date: '550615', quality: '6' });
  await client.setLogLevels({ dmpConnectLogLevel: 4, dmpConnectJsLogLevel: '5' });
  await client.getLogsTail({ getServerLog: true, getDmpConnectLog: false, serverLogNbLastLines: 10 });
  assert.deepEqual(server.commands, [
    { s_commandName: 'hl_setSessionData', s_sessionDataId: 'id-1', s_sessionData64: 'AAEC' },
    { s_commandName: 'hl_getSessionData', s_sessionDataId: 'id-1' },
    { s_commandName: 'hl_removeSessionData', s_sessionDataId: 'id-1' },
    { s_commandName: 'hl_setPersistantData', s_persistantData64: 'AQID' },
    { s_commandName: 'hl_computeBirthDayCentury', s_date: '550615', i_quality: 6 },
    { s_commandName: 'setLogLevels', i_dmpConnectLogLevel: 4, i_dmpConnectJsLogLevel: 5 },
    { s_commandName: 'getLogsTail', i_getServerLog: 1, i_getDmpConnectLog: 0, i_serverLogNbLastLines: 10 },
  ]);
});

test('commands without options send only their name (and the session id)', async (t) => {
  const { server, client } = await setup(t, { sessionId: 's' });
  for (const method of [
    'getSessionState',
    'clearSessionData',
    'getSessionDataSize',
    'getMaximumSessionDataSize',
    'getPersistantData',
    'clearPersistantData',
    'getPersistantDataSize',
    'getMaximumPersistantDataSize',
    'getLogLevels',
    'getPcscReaders',
    'getCpxStatus',
    'closeSession', // last: it forgets the session id
  ]) {
    await client[method]();
  }
  assert.deepEqual(
    server.commands.map((frame) => Object.keys(frame).length),
    [2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2],
  );
  assert.deepEqual(server.commands.map((frame) => frame.s_commandName), [
    'hl_getSessionState',
    'hl_clearSessionData',
    'hl_getSessionDataSize',
    'hl_getMaximumSessionDataSize',
    'hl_getPersistantData',
    'hl_clearPersistantData',
    'hl_getPersistantDataSize',
    'hl_getMaximumPersistantDataSize',
    'getLogLevels',
    'hl_getPcscReaders',
    'hl_getCpxStatus',
    'hl_closeSession',
  ]);
  assert.equal(client.sessionId, null);
});

test('createDmpConnector maps its keys and expands the DMP URL shorthand like the wrapper', async (t) => {
  const frame = await sent(t, (c) =>
    c.createDmpConnector({
      pinCode: '1234',
      dmpUrl: 'formation1',
      transactionsTimeout: '60',
      practiceSetting: 'AMBULATOIRE',
      cpsPracticeLocationIndice: 0,
      getConnectionHandle: true,
    }),
  );
  assert.deepEqual(frame, {
    s_commandName: 'hl_createDmpConnector',
    s_pinCode: '1234',
    s_dmpUrl: 'https://formation1.lps2.dmp.gouv.fr/si-dmp-server/v2/services',
    i_transactionsTimeout: 60,
    s_practiceSetting: 'AMBULATOIRE',
    i_cpsPracticeLocationIndice: 0,
    i_getConnectionHandle: 1,
  });
  assert.equal((await sent(t, (c) => c.createDmpConnector({ dmpUrl: '' }))).s_dmpUrl, DMP_PRODUCTION_URL);
  const verbatim = 'https://dmp.example.test/services';
  assert.equal((await sent(t, (c) => c.createDmpConnector({ dmpUrl: verbatim }))).s_dmpUrl, verbatim);
});

test('DMP patient commands map ins, access mode, authorization and document keys', async (t) => {
  const { server, client } = await setup(t);
  await client.setPracticeLocation({ cpsPracticeLocationIndice: '1', practiceSetting: 'AMBULATOIRE' });
  await client.setDmpAccessMode({ accessMode: 2, reason: 'urgence' });
  await client.setConfidentialityLevel({ enableSecretConnection: true });
  await client.getDirectAuthenticationDMPStatus({ ins: '255069999999934' });
  await client.getDirectAuthenticationDMPStatus({ ins: { s_ins: '255069999999934', s_insType: 'D' } });
  await client.updateUserDmpAccessAuthorization({ ins: '255069999999934', action: 1, setTreatingPhysician: 0 });
  await client.getAccessibleDMPList({ type: 'LASTAUTORIZATION', date: '20240101' });
  await client.getDmpAdministrativeData({ ins: '255069999999934' });
  await client.getDmpAuthorizationsList({ ins: '255069999999934' });
  await client.getWebPsDmpUrls({ ins: '255069999999934' });
  assert.deepEqual(server.commands, [
    { s_commandName: 'hl_setPracticeLocation', i_cpsPracticeLocationIndice: 1, s_practiceSetting: 'AMBULATOIRE' },
    { s_commandName: 'hl_setDmpAccessMode', i_accessMode: 2, s_reason: 'urgence' },
    { s_commandName: 'hl_setConfidentialityLevel', i_enableSecretConnection: 1 },
    { s_commandName: 'hl_getDirectAuthenticationDMPStatus', s_ins: '255069999999934' },
    { s_commandName: 'hl_getDirectAuthenticationDMPStatus', Ins: { s_ins: '255069999999934', s_insType: 'D' } },
    {
      s_commandName: 'hl_updateUserDmpAccessAuthorization',
      s_ins: '255069999999934',
      i_action: 1,
      i_setTreatingPhysician: 0,
    },
    { s_commandName: 'hl_getAccessibleDMPList', s_type: 'LASTAUTORIZATION', s_date: '20240101' },
    { s_commandName: 'hl_getDmpAdministrativeData', s_ins: '255069999999934' },
    { s_commandName: 'hl_getDmpAuthorizationsList', s_ins: '255069999999934', i_authorizationType: 1 },
    { s_commandName: 'hl_getWebPsDmpUrls', s_ins: '255069999999934' },
  ]);
});

test('sendDocument maps every key, objects and arrays go through as they are', async (t) => {
  const informants = [{ s_name: 'DOE', s_given: 'JOHN', i_type: 1 }];
  const eventCodes = [{ s_classification: 'CCAM', s_code: 'AAFA001', s_description: 'x' }];
  const physician = { s_hpName: 'DOC', s_hpGiven: 'A', s_hpSpecialty: 'SM26' };
  const frame = await sent(t, (c) =>
    c.sendDocument({
      ins: '255069999999934',
      fileContentBase64: 'SGVsbG8=',
      documentTitle: 'Compte rendu',
      documentDescription: 'desc',
      documentCategory: '11488-4',
      documentVisibility: 1,
      documentFormat: '5',
      healthcareSetting: 'SA07',
      eventCodes,
      informants,
      treatingPhysician: physician,
      additionalAuthors: [],
      forceSchematronsValidation: false,
    }),
  );
  assert.deepEqual(frame, {
    s_commandName: 'hl_sendDocument',
    s_ins: '255069999999934',
    s_fileContentBase64: 'SGVsbG8=',
    s_documentTitle: 'Compte rendu',
    s_documentDescription: 'desc',
    s_documentCategory: '11488-4',
    i_documentVisibility: 1,
    i_documentFormat: 5,
    s_healthcareSetting: 'SA07',
    s_eventCodes: eventCodes,
    Informants: informants,
    TreatingPhysician: physician,
    AdditionalAuthors: [],
    i_forceSchematronsValidation: 0,
  });
});

test('findDocuments turns category/format/practice arrays into JS2 numbered objects', async (t) => {
  const frame = await sent(t, (c) =>
    c.findDocuments({
      ins: '255069999999934',
      categories: ['11488-4', '34133-9'],
      formats: { '#0': 5 },
      creationDateBottom: '20240101000000',
      status: 1 | 2,
      visibility: '15',
    }),
  );
  assert.deepEqual(frame, {
    s_commandName: 'hl_findDocuments',
    s_ins: '255069999999934',
    Categories: { '#0': '11488-4', '#1': '34133-9' },
    Formats: { '#0': 5 },
    s_creationDateBottom: '20240101000000',
    i_status: 3,
    i_visibility: 15,
  });
});

test('document commands by unique id and deleteDocument', async (t) => {
  const { server, client } = await setup(t);
  const doc = { ins: '255069999999934', documentUniqueId: '1.2.3^4', documentUuid: 'urn:uuid:5' };
  await client.getDocumentContentByUniqueId({ ...doc, getCdaHeaders: 1, getPerformer: true });
  await client.updateDocumentVisibilityByUniqueId({ ...doc, healthCareSettings: 'SA07', newVisibility: '2' });
  await client.updateDocumentStatusByUniqueId({ ...doc, healthCareSettings: 'SA07' });
  await client.deleteDocument({ uniqueId: '1.2.3^4', ins: '255069999999934', healthCareSettings: 'SA07' });
  const ids = { s_ins: '255069999999934', s_documentUniqueId: '1.2.3^4', s_documentUuid: 'urn:uuid:5' };
  assert.deepEqual(server.commands, [
    { s_commandName: 'hl_getDocumentContentByUniqueId', ...ids, i_getCdaHeaders: 1, i_getPerformer: 1 },
    {
      s_commandName: 'hl_updateDocumentVisibilityByUniqueId',
      ...ids,
      s_healthCareSettings: 'SA07',
      i_newVisibility: 2,
    },
    { s_commandName: 'hl_updateDocumentStatusByUniqueId', ...ids, s_healthCareSettings: 'SA07' },
    { s_commandName: 'hl_deleteDocument', s_uniqueId: '1.2.3^4', s_ins: '255069999999934', s_healthCareSettings: 'SA07' },
  ]);
});

test('DMP record commands: create, update, close, reactivate, documents by handle', async (t) => {
  const { server, client } = await setup(t);
  const admin = { PatientData: { s_ins: '115097511200382' }, s_status: 'OK' };
  await client.createDmp({ dmpAdministrativeData: admin });
  await client.updateDmpAdministrativeData({ dmpAdministrativeData: admin });
  await client.closeDmp({ ins: '115097511200382', reason: 'FERMETURE_DEMANDE_PATIENT', name: 'X', given: 'Y' });
  await client.reactivateDmp({ ins: '115097511200382', birthDay: '20150904', sex: '2' });
  await client.sendDocuments({ ins: '115097511200382', healthcareSetting: 'SA07', documents: [] });
  await client.updateDocumentVisibility({ document: 3, healthCareSettings: 'SA07', newVisibility: '4' });
  await client.updateDocumentStatus({ document: 3 });
  await client.getMajorityAge();
  await client.findPatients({ name: 'MARTIN-ESSAI', birthday: '19790315', sex: '3', approxName: 1, approxCity: '0' });
  assert.deepEqual(server.commands, [
    { s_commandName: 'hl_createDmp', DmpAdministrativeData: admin },
    { s_commandName: 'hl_updateDmpAdministrativeData', DmpAdministrativeData: admin },
    {
      s_commandName: 'hl_closeDmp',
      s_ins: '115097511200382',
      s_reason: 'FERMETURE_DEMANDE_PATIENT',
      s_name: 'X',
      s_given: 'Y',
    },
    { s_commandName: 'hl_reactivateDmp', s_ins: '115097511200382', s_birthDay: '20150904', i_sex: 2 },
    { s_commandName: 'hl_sendDocuments', s_ins: '115097511200382', s_healthcareSetting: 'SA07', Documents: [] },
    { s_commandName: 'hl_updateDocumentVisibility', i_document: 3, s_healthCareSettings: 'SA07', i_newVisibility: 4 },
    { s_commandName: 'hl_updateDocumentStatus', i_document: 3 },
    { s_commandName: 'hl_getMajorityAge' },
    {
      s_commandName: 'hl_findPatients',
      s_name: 'MARTIN-ESSAI',
      s_birthday: '19790315',
      i_sex: 3,
      i_approxName: 1,
      i_approxCity: 0,
    },
  ]);
});

test('wire keys may be mixed in; explicit null is sent, undefined is left out', async (t) => {
  const frame = await sent(t, (c) => c.getCpxCard({ readerName: null, readerNumber: undefined, s_extra: 'x' }));
  assert.deepEqual(frame, { s_commandName: 'hl_getCpxCard', s_readerName: null, s_extra: 'x', i_readerNumber: 0 });
});

test('an unknown option or a non-numeric integer is a TypeError and nothing is sent', async (t) => {
  const { server, client } = await setup(t);
  const unknown = await rejection(client.readCpxCard({ pin: '1234' }));
  assert.ok(unknown instanceof TypeError);
  assert.match(unknown.message, /unknown option "pin"/);
  const notNumber = await rejection(client.getCpxCard({ readerNumber: 'first' }));
  assert.ok(notNumber instanceof TypeError);
  assert.match(notNumber.message, /i_readerNumber expects an integer/);
  assert.doesNotMatch(notNumber.message, /first/);
  assert.ok((await rejection(client.setLogLevels({ dmpConnectLogLevel: 1.5 }))) instanceof TypeError);
  assert.equal(server.connections.length, 0);
});
